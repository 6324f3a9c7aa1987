// The injection corpus for the Chromium security tests, and a workspace of real Markdown
// plan files (docs/format.md syntax) that carries every payload in task, feature, goal and
// milestone titles, owners, section headings, plan titles and file names.
//
// Each payload that ever executes sets the canary (`window.slPwned`), opens a dialog
// (`alert`), or makes a request to https://evil.test/ — the tests watch for all three.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Script that marks a successful injection. */
const PWN = 'slPwned=1';
/** Where an injected request would go; any request there fails the test. */
export const EVIL = 'https://evil.test';

/**
 * `text` is the hostile string; `probe` is a fragment that must show up as text in the
 * rendered chart (proving it was escaped and displayed, not parsed as markup or dropped).
 * Probes avoid whitespace runs and characters `cleanLine` removes on purpose.
 */
export const PAYLOADS = [
  { name: 'img onerror', text: `<img src=x onerror=${PWN}>`, probe: '<img src=x onerror=' },
  { name: 'img onerror quoted', text: `<img src="x" onerror="${PWN};alert(1)">`, probe: 'onerror="slPwned' },
  { name: 'svg onload', text: `<svg onload=${PWN}>`, probe: '<svg onload=' },
  { name: 'svg animate onbegin', text: `<svg><animate onbegin=${PWN} attributeName=x dur=1s>`, probe: '<animate onbegin=' },
  { name: 'svg set onbegin', text: `<svg><set attributeName=onmouseover to=alert(1)><set onbegin=${PWN}>`, probe: '<set onbegin=' },
  { name: 'foreignObject', text: `<svg><foreignObject><iframe srcdoc="<script>parent.${PWN}</script>"></iframe></foreignObject></svg>`, probe: '<foreignObject>' },
  { name: 'close script', text: `</script><script>${PWN}</script>`, probe: '</script><script>' },
  { name: 'close title', text: `</title><script>${PWN}</script>`, probe: '</title><script>' },
  { name: 'close text in svg', text: `</text></g><image href="${EVIL}/img" onerror="${PWN}"/>`, probe: '</text></g><image' },
  { name: 'close style', text: `</style><script>${PWN}</script>`, probe: '</style><script>' },
  { name: 'css breakout', text: `}</style><style>*{background:url(${EVIL}/css)}</style>`, probe: '}</style><style>' },
  { name: 'css url', text: `x{background-image:url("${EVIL}/bg")}`, probe: 'background-image:url(' },
  { name: 'css import', text: `@import url(${EVIL}/import.css);`, probe: '@import url(' },
  { name: 'javascript url', text: `javascript:${PWN};alert(1)`, probe: 'javascript:slPwned' },
  { name: 'html link javascript', text: `<a href="javascript:${PWN}">click me</a>`, probe: '<a href="javascript:' },
  { name: 'data url', text: `data:text/html,<script>${PWN}</script>`, probe: 'data:text/html,' },
  { name: 'iframe data url', text: `<iframe src="data:text/html,<script>parent.${PWN}</script>">`, probe: '<iframe src="data:' },
  { name: 'meta refresh', text: `<meta http-equiv="refresh" content="0;url=${EVIL}/refresh">`, probe: '<meta http-equiv=' },
  { name: 'base href', text: `<base href="${EVIL}/">`, probe: '<base href=' },
  { name: 'mermaid init directive', text: '%%{init: {"securityLevel":"loose", "startOnLoad": true}}%%', probe: 'securityLevel' },
  { name: 'mermaid init single quotes', text: "%%{init: {'securityLevel':'loose','theme':'base','themeCSS':'*{background:url(https://evil.test/theme)}'}}%%", probe: 'themeCSS' },
  { name: 'mermaid click call', text: 'click T-1 call pwn()', probe: 'click T-1 call pwn()' },
  { name: 'mermaid click href', text: `click T-1 href "javascript:${PWN}"`, probe: 'click T-1 href' },
  { name: 'newline statement', text: `Title\nclick T-2 href "javascript:${PWN}"`, probe: 'click T-2 href' },
  { name: 'crlf statement', text: 'Title\r\nsection Injected\r\nEvil task :done, e1, 2020-01-01, 1d', probe: 'section Injected' },
  { name: 'U+2028 statement', text: `Line\u2028click T-3 call pwn()\u2029section Evil`, probe: 'click T-3 call pwn()' },
  { name: 'task syntax colon', text: 'Fake :crit, done, x9, 2020-01-01, 2030-01-01', probe: ':crit, done, x9' },
  { name: 'task syntax semicolon', text: 'a; b; click T-4 call pwn(); c', probe: 'click T-4 call pwn();' },
  { name: 'mermaid hash entity', text: '#lt;img src=x onerror=slPwned=1#gt; #35; #quot;', probe: '#lt;img' },
  { name: 'html entities', text: '&lt;script&gt;slPwned=1&lt;/script&gt; &#60;img src=x onerror=alert(1)&#62;', probe: '&lt;script&gt;' },
  { name: 'attribute quote double', text: `" onmouseover="${PWN}" x="`, probe: 'onmouseover="slPwned' },
  { name: 'attribute quote single', text: `' onfocus='${PWN}' autofocus tabindex='1`, probe: "onfocus='slPwned" },
  { name: 'attribute backtick', text: '` onmouseover=`slPwned=1` x=`', probe: 'onmouseover=slPwned=1 x=' },
  { name: 'template injection', text: "{{constructor.constructor('slPwned=1')()}}", probe: '{{constructor.constructor(' },
  { name: 'template literal', text: '${slPwned=1} #{slPwned=1} <%= slPwned=1 %>', probe: '${slPwned=1}' },
  { name: 'bidi and zero width', text: `safe\u202E<img src=x onerror=${PWN}>\u202C\u200B\u2066x\u2069\uFEFF`, probe: 'onerror=slPwned' },
  { name: 'very long', text: `${'A'.repeat(3000)}<img src=x onerror=${PWN}>`, probe: 'AAAAAAAAAA' },
  { name: 'cdata and comment', text: `<![CDATA[</text><script>${PWN}</script>]]><!-- -->`, probe: '<![CDATA[' },
  { name: 'markdown link', text: `[click](javascript:${PWN}) ![img](${EVIL}/md.png)`, probe: 'javascript:slPwned' },
  { name: 'object embed', text: `<object data="${EVIL}/obj"></object><embed src="${EVIL}/embed">`, probe: '<object data=' },
  { name: 'form action', text: `<form action="${EVIL}/form"><button formaction="javascript:${PWN}">go</button></form>`, probe: '<form action=' },
  { name: 'svg use href', text: `<svg><use href="data:image/svg+xml,<svg id='x' xmlns='http://www.w3.org/2000/svg'><image href='1' onerror='${PWN}'/></svg>#x"/></svg>`, probe: '<use href=' },
];

/** Markers prefixed to titles so every payload's item can be found in the chart. */
export const marker = (i) => `Q${String(i + 1).padStart(2, '0')}`;

/** A string as a YAML double-quoted scalar (JSON is a YAML subset for strings). */
const yamlString = (s) => JSON.stringify(s);
/** A table cell: pipes escaped, line breaks would end the row so they become spaces. */
const cell = (s) => s.replace(/\|/g, '\\|').replace(/\r?\n|\r/g, ' ');
/** A file name from a payload: no `/` or NUL (the file system refuses them), short. */
const fileName = (s) => s.replace(/[/\\\0\r\n]/g, '_').slice(0, 80);

/**
 * Writes the hostile workspace into `dir` and returns what the tests check against.
 * Every payload gets: a feature spec (document item, the exact payload in front-matter
 * `title` and `owner`), a goal (heading item), and a task (task-list item, payload in
 * the title and as an `@owner`) under a section heading made of the payload. A few
 * payloads also name plan files and milestones, and a table plan carries them in cells.
 */
export function writeHostileWorkspace(dir) {
  const files = new Map();
  files.set('.specline.yml', 'start: 2027-01-04\n');

  const goals = ['# Roadmap', ''];
  const plan = ['---', `title: ${yamlString(`Plan ${PAYLOADS[0].text}`)}`, 'start: 2027-01-04', '---', '', '# Hostile plan', ''];
  const tasks = [];
  const milestones = [];
  PAYLOADS.forEach((p, i) => {
    const n = i + 1;
    const text = `${marker(i)} ${p.text}`;
    files.set(`specs/feat-${n}.md`, [
      '---', `id: FEAT-${n}`, `title: ${yamlString(text)}`, `goals: [G-${n}]`, `owner: [${yamlString(`@${p.text}`)}]`, 'status: approved', '---', '',
      `# ${text}`, '', 'A feature whose title is hostile.', '',
    ].join('\n'));
    goals.push(`## G-${n} ${text}`, '', `- horizon: ${['now', 'next', 'later', '2027-Q2'][i % 4]}`, `- owner: @${p.text.replace(/\s+/g, '')}`, '');
    plan.push(`## ${marker(i)} ${p.text}`, '');
    plan.push(`- [${i % 5 === 0 ? 'x' : ' '}] T-${n} ${text}`);
    plan.push(`  - features: FEAT-${n}`, `  - duration: ${1 + (i % 4)}d`, `  - owner: @${p.text.replace(/\s+/g, '')}`);
    if (i > 0) plan.push(`  - after: T-${n - 1}`);
    if (i % 3 === 1) plan.push('  - progress: 40%');
    plan.push('');
    tasks.push(`T-${n}`);
    if (i % 6 === 5) {
      plan.push(`- M-${n} ${text}`, `  - after: T-${n}`, '');
      milestones.push(`M-${n}`);
    }
  });
  files.set('roadmap.md', goals.join('\n'));
  files.set('plans/hostile.md', plan.join('\n'));

  // Plan files named by payloads, without a title, so the path itself is a section label.
  const named = [0, 2, 6, 9, 13, 30].map((i) => PAYLOADS[i]);
  const namedPlans = [];
  named.forEach((p, k) => {
    const n = 900 + k;
    namedPlans.push(`plans/${fileName(p.text)}.md`);
    files.set(namedPlans[k], [`- [ ] T-${n} named file ${k}`, `  - features: FEAT-${k + 1}`, '  - duration: 2d', '  - start: 2027-02-01', ''].join('\n'));
    tasks.push(`T-${n}`);
  });

  // A table plan: payloads in cells (Title, Owner) and in the section heading.
  const table = ['# Table plan', '', `## ${PAYLOADS[9].text}`, '', '| ID | Title | Owner | Duration | Features |', '|---|---|---|---|---|'];
  PAYLOADS.slice(0, 12).forEach((p, k) => {
    const n = 800 + k;
    table.push(`| T-${n} | ${cell(`${marker(k)} ${p.text}`)} | ${cell(`@${p.text.replace(/\s+/g, '')}`)} | 1d | FEAT-${k + 1} |`);
    tasks.push(`T-${n}`);
  });
  files.set('plans/table.md', `${table.join('\n')}\n`);

  for (const [path, text] of files) {
    const full = join(dir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
  }
  return { tasks, milestones, namedPlans, features: PAYLOADS.map((_, i) => `FEAT-${i + 1}`), goals: PAYLOADS.map((_, i) => `G-${i + 1}`) };
}
