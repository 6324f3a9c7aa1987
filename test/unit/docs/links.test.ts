import * as assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The repository root: this file runs from `out/test/unit/docs/`. */
const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

interface LinksScript {
  checkLinks(root: string, files: string[], streamError: Writable): Promise<{ broken: number; files: number; messages: string[] }>;
  markdownFiles(root: string): string[];
}

async function linksScript(): Promise<LinksScript> {
  return (await import(pathToFileURL(path.join(ROOT, 'scripts', 'docs', 'links.mjs')).href)) as LinksScript;
}

/** A sink for the report, so the test output stays readable; the text is returned for assertions. */
function sink(): { stream: Writable; text(): string } {
  let text = '';
  const stream = new Writable({ write(chunk: Buffer, _enc, done) { text += chunk.toString(); done(); } });
  return { stream, text: () => text };
}

describe('scripts/docs/links.mjs: links never break', () => {
  it('reports a missing file and a missing heading in another file, and accepts good links', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'specline-links-'));
    try {
      await mkdir(path.join(dir, 'docs'));
      await writeFile(path.join(dir, 'README.md'), [
        '# Readme', '',
        '[good file](docs/guide.md), [good heading](docs/guide.md#set-up), [same file](#readme)', '',
        '[gone](docs/missing.md) and [no such heading](docs/guide.md#tear-down)', '',
      ].join('\n'));
      await writeFile(path.join(dir, 'docs', 'guide.md'), '# Guide\n\n## Set up\n\nBack to the [readme](../README.md).\n');
      const report = sink();
      const result = await (await linksScript()).checkLinks(dir, ['README.md', 'docs/guide.md'], report.stream);
      assert.equal(result.files, 2);
      assert.equal(result.broken, 2, result.messages.join('\n'));
      assert.ok(result.messages.some((m) => m.startsWith('README.md:5:') && m.includes('missing.md')), result.messages.join('\n'));
      assert.ok(result.messages.some((m) => m.includes('tear-down')), result.messages.join('\n'));
      assert.match(report.text(), /missing\.md/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('checks the README, the changelog, docs/, examples/ and the READMEs under src/ and scripts/', async () => {
    const files = (await linksScript()).markdownFiles(ROOT);
    for (const expected of ['README.md', 'CHANGELOG.md', 'docs/format.md', 'docs/diagnostics.md', 'docs/architecture.md', 'examples/acme/README.md', 'src/cli/README.md', 'scripts/vscode/README.md']) {
      assert.ok(files.includes(expected), `${expected} is checked`);
    }
    assert.ok(!files.some((f) => f.startsWith('node_modules/') || f.startsWith('test/')), 'nothing outside the documentation is checked');
  });
});
