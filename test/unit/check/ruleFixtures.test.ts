import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { baselineOf } from '../../../src/core/baseline/baseline.js';
import { parseIsoDate } from '../../../src/core/model/dates.js';
import { createWorkspace } from '../../../src/core/workspace/createWorkspace.js';
import { memoryFileSystem, readFixture } from '../../support/memoryFileSystem.js';

const ROOT = join(process.cwd(), 'test', 'fixtures', 'rules');
const MARKER = /\{!([a-z]+\.[a-z-]+)\}/g;

/** line-keyed expectations: "file:line" → sorted codes. */
function expectations(files: Record<string, string>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [file, text] of Object.entries(files)) {
    text.split(/\r?\n/).forEach((line, i) => {
      for (const m of line.matchAll(MARKER)) {
        const key = `${file}:${i + 1}`;
        out.set(key, [...(out.get(key) ?? []), m[1]!].sort());
      }
    });
  }
  return out;
}

describe('rule fixtures (expected problems marked inline)', () => {
  for (const name of readdirSync(ROOT).filter((n) => statSync(join(ROOT, n)).isDirectory()).sort()) {
    it(name, async () => {
      const files = readFixture(join(ROOT, name));
      const meta = JSON.parse(files['fixture.json'] ?? '{}') as { today?: string; severities?: Record<string, string>; baseline?: { ref: string; files: Record<string, string> } };
      delete files['fixture.json'];
      const today = (): number => parseIsoDate(meta.today ?? '2027-01-04')!;
      const ws = createWorkspace({ fs: memoryFileSystem(files), today });
      await ws.load();
      if (meta.baseline) {
        // The plan as it was at the baseline revision, as git would give it.
        const old = createWorkspace({ fs: memoryFileSystem(meta.baseline.files), today });
        await old.load();
        ws.setBaseline(baselineOf(old.analyze(), meta.baseline.ref, '0'.repeat(40)));
      }
      const analysis = ws.analyze();
      const actual = new Map<string, string[]>();
      for (const d of analysis.diagnostics) {
        const key = `${d.file}:${d.range.start.line + 1}`;
        actual.set(key, [...(actual.get(key) ?? []), d.code].sort());
      }
      const expected = expectations(files);
      const show = (m: Map<string, string[]>): string[] => [...m].map(([k, v]) => `${k} ${v.join(' ')}`).sort();
      const messages = analysis.diagnostics.map((d) => `${d.file}:${d.range.start.line + 1} ${d.code}: ${d.message}`).join('\n');
      assert.deepEqual(show(actual), show(expected), `diagnostics differ from the markers; actual:\n${messages}`);
      for (const [code, severity] of Object.entries(meta.severities ?? {})) {
        const found = analysis.diagnostics.filter((d) => d.code === code);
        assert.ok(found.length > 0, `no ${code} to check the severity of`);
        for (const d of found) assert.equal(d.severity, severity, `${code} severity`);
      }
    });
  }
});

describe('rule fixtures cover every code', () => {
  it('each diagnostic code of the catalog is expected by at least one fixture', async () => {
    const { RULES } = await import('../../../src/core/check/ruleCatalog.js');
    const all = new Set<string>();
    for (const name of readdirSync(ROOT)) {
      const dir = join(ROOT, name);
      if (!statSync(dir).isDirectory()) continue;
      for (const codes of expectations(readFixture(dir)).values()) codes.forEach((c) => all.add(c));
    }
    const missing = RULES.map((r) => r.code).filter((c) => !all.has(c));
    assert.deepEqual(missing, []);
  });
  it('fixture files are readable', () => {
    assert.ok(readFileSync(join(ROOT, 'README.md'), 'utf8').includes('{!code}'));
  });
});
