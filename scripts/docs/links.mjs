// Checks every link of the project's Markdown: links to files and folders of the
// repository and to headings (in the same file or another), with remark-validate-links run
// through unified-engine, the way remark-cli runs it (only the engine sees every file at
// once, so only it can check a heading in another file). No network: links to other sites
// are left alone. Reads README.md, CHANGELOG.md, docs/, examples/ and every README under
// src/, scripts/ and bench/. Exits 1 and lists each broken link as `file:line:column`.
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { remark } from 'remark';
import remarkFrontmatter from 'remark-frontmatter';
import remarkValidateLinks from 'remark-validate-links';
import { engine } from 'unified-engine';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The Markdown files to check: tracked or new (not ignored), relative to the root. */
export function markdownFiles(repoRoot = root) {
  const listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: repoRoot, encoding: 'utf8' })
    .split('\0').filter(Boolean);
  return [...new Set(listed)].filter((file) => /\.md$/i.test(file) && (
    file === 'README.md' || file === 'CHANGELOG.md'
    || file.startsWith('docs/') || file.startsWith('examples/')
    || (/(^|\/)README\.md$/i.test(file) && /^(src|scripts|bench)\//.test(file))
  )).sort();
}

/**
 * Runs the check; resolves to `{ broken, files, messages }`, each broken link already
 * reported on `streamError` (stderr unless given) as `file`, then `line:column  reason`.
 */
export function checkLinks(repoRoot = root, files = markdownFiles(repoRoot), streamError = process.stderr) {
  return new Promise((resolve, reject) => {
    engine({
      processor: remark,
      cwd: repoRoot,
      files,
      extensions: ['md'],
      plugins: [remarkFrontmatter, [remarkValidateLinks, { repository: false, root: repoRoot }]],
      // Check only: never write a file back, never print the documents.
      output: false,
      out: false,
      quiet: true,
      color: false,
      ignoreName: '.remarkignore',
      detectConfig: false,
      detectIgnore: false,
      reporterOptions: { quiet: true },
      streamError,
    }, (error, code, context) => {
      if (error) { reject(error); return; }
      const messages = (context?.files ?? []).flatMap((file) => file.messages.map((m) => `${file.path}:${m.line}:${m.column}: ${m.reason}`));
      resolve({ code, broken: messages.length, files: files.length, messages });
    });
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { broken, files } = await checkLinks();
  if (broken) {
    console.error(`✖ ${broken} broken link${broken === 1 ? '' : 's'} in ${files} Markdown files`);
    process.exitCode = 1;
  } else {
    console.log(`✔ every link resolves (${files} Markdown files)`);
  }
}
