import * as assert from 'node:assert/strict';
import type { Diagnostic } from '../../src/core/model/types.js';
import { createColors } from '../../src/cli/io.js';
import type { CheckReport } from '../../src/cli/formats/checkReport.js';
import { escapeData, escapeProperty, formatCheckGithub } from '../../src/cli/formats/checkGithub.js';
import { formatCheckJson } from '../../src/cli/formats/checkJson.js';
import { formatCheckSarif } from '../../src/cli/formats/checkSarif.js';
import { formatCheckText } from '../../src/cli/formats/checkText.js';
import { assertValidSarif } from './sarifShape.js';
import { ANSI_YELLOW_WARNING } from './helpers.js';

const range = (line: number, character: number, length: number) => ({ start: { line, character }, end: { line, character: character + length } });

const HOSTILE: Diagnostic = {
  file: 'plans/a,b:c.md',
  range: range(2, 4, 3),
  severity: 'warning',
  code: 'schedule.overdue',
  message: 'T-1 is 100% late\n::error file=x.md::injected\r\nend',
  related: [{ file: 'plans/other.md', range: range(0, 0, 3), message: 'see: here, 50%' }],
};

function report(diagnostics: Diagnostic[], extra: Partial<CheckReport> = {}): CheckReport {
  const count = (s: string) => diagnostics.filter((d) => d.severity === s).length;
  return {
    diagnostics,
    summary: { errors: count('error'), warnings: count('warning'), infos: count('info'), files: 2, items: 7 },
    version: '1.2.3',
    ...extra,
  };
}

describe('check formats', () => {
  describe('github', () => {
    it('escapes data and properties as GitHub does', () => {
      assert.equal(escapeData('a%b\r\nc'), 'a%25b%0D%0Ac');
      assert.equal(escapeProperty('a%b:c,d\ne'), 'a%25b%3Ac%2Cd%0Ae');
    });

    it('keeps a hostile message inside one annotation', () => {
      const output = formatCheckGithub(report([HOSTILE]));
      const lines = output.split('\n');
      assert.equal(lines.length, 2); // one command, then the final newline
      assert.equal(lines[1], '');
      assert.equal(
        lines[0],
        '::warning file=plans/a%2Cb%3Ac.md,line=3,col=5,endLine=3,endColumn=8,title=schedule.overdue::'
        + 'T-1 is 100%25 late%0A::error file=x.md::injected%0D%0Aend%0A  plans/other.md:1:1: see: here, 50%25',
      );
      // Nothing but the separator `::` after the properties: the message cannot add properties.
      const head = lines[0]!.slice(0, lines[0]!.indexOf('::', 2));
      assert.doesNotMatch(head.slice(2), /::|\n/);
    });

    it('uses notice for infos and error for errors', () => {
      const info: Diagnostic = { ...HOSTILE, severity: 'info', code: 'persona.unused', message: 'm', related: [] };
      const error: Diagnostic = { ...HOSTILE, severity: 'error', code: 'ref.unknown', message: 'm', related: [] };
      const lines = formatCheckGithub(report([info, error])).trimEnd().split('\n');
      assert.match(lines[0]!, /^::notice /);
      assert.match(lines[1]!, /^::error /);
    });

    it('prints nothing when there is nothing to say', () => {
      assert.equal(formatCheckGithub(report([])), '');
    });
  });

  describe('json', () => {
    it('adds 1 to the core’s 0-based positions', () => {
      const json = JSON.parse(formatCheckJson(report([HOSTILE]))) as { diagnostics: Array<Record<string, unknown>> };
      assert.deepEqual(json.diagnostics[0], {
        file: 'plans/a,b:c.md', line: 3, column: 5, endLine: 3, endColumn: 8,
        severity: 'warning', code: 'schedule.overdue', message: HOSTILE.message,
        related: [{ file: 'plans/other.md', line: 1, column: 1, message: 'see: here, 50%' }],
      });
    });
  });

  describe('sarif', () => {
    it('adds a rule for a code outside the catalog, and levels map to error/warning/note', () => {
      const odd: Diagnostic = { ...HOSTILE, code: 'plugin.odd', severity: 'info', related: [] };
      const sarif = JSON.parse(formatCheckSarif(report([HOSTILE, odd]))) as {
        runs: Array<{ tool: { driver: { version: string; rules: Array<{ id: string }> } }; results: Array<{ ruleIndex: number; level: string; relatedLocations?: unknown[] }> }>;
      };
      assertValidSarif(sarif);
      const run = sarif.runs[0]!;
      assert.equal(run.tool.driver.version, '1.2.3');
      assert.equal(run.tool.driver.rules[run.results[1]!.ruleIndex]!.id, 'plugin.odd');
      assert.deepEqual(run.results.map((r) => r.level), ['warning', 'note']);
      assert.equal(run.results[0]!.relatedLocations!.length, 1);
      assert.equal(run.results[1]!.relatedLocations, undefined);
    });

    it('gives identical problems distinct fingerprints', () => {
      const sarif = JSON.parse(formatCheckSarif(report([HOSTILE, HOSTILE]))) as { runs: Array<{ results: Array<{ partialFingerprints: Record<string, string> }> }> };
      const [a, b] = sarif.runs[0]!.results.map((r) => JSON.stringify(r.partialFingerprints));
      assert.notEqual(a, b);
    });
  });

  describe('text', () => {
    it('keeps each diagnostic on one line and summarises', () => {
      const text = formatCheckText(report([HOSTILE]), createColors(false));
      assert.equal(text, [
        'plans/a,b:c.md',
        '  plans/a,b:c.md:3:5  warning  T-1 is 100% late ::error file=x.md::injected end  schedule.overdue',
        '                      ↳ plans/other.md:1:1  see: here, 50%',
        '',
        '✖ 0 errors, 1 warning, 0 infos (2 files, 7 items)',
        '',
      ].join('\n'));
    });

    it('says when warnings exceed the maximum', () => {
      const text = formatCheckText(report([HOSTILE], { maxWarnings: 0 }), createColors(false));
      assert.match(text, /Too many warnings: 1, the maximum is 0/);
    });

    it('has a clean message', () => {
      assert.equal(formatCheckText(report([]), createColors(false)), '✔ No problems found (2 files, 7 items)\n');
    });

    it('colours only when asked', () => {
      assert.match(formatCheckText(report([HOSTILE]), createColors(true)), ANSI_YELLOW_WARNING);
    });
  });
});
