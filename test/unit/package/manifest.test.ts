import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/** VS Code's own commands that the manifest may name; anything else must be ours. */
const BUILT_IN_COMMANDS = new Set([
  'workbench.action.openSettings',
  'workbench.action.files.openFolder',
  'workbench.trust.manage',
]);

interface Manifest {
  contributes: {
    commands: Array<{ command: string }>;
    menus: Record<string, Array<{ command?: string; submenu?: string }>>;
    viewsWelcome: Array<{ view: string; contents: string }>;
    walkthroughs: Array<{
      id: string;
      steps: Array<{
        id: string;
        description: string;
        completionEvents?: string[];
        media: { markdown?: string; image?: string | { light: string; dark: string }; svg?: string; altText?: string };
      }>;
    }>;
  };
}

const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as Manifest;
const declared = new Set(manifest.contributes.commands.map((c) => c.command));

/** The commands of `command:` links in Markdown (`[text](command:id?args)`). */
function commandLinks(markdown: string): string[] {
  return [...markdown.matchAll(/\]\(command:([\w.-]+)/g)].map((m) => m[1]!);
}

describe('package.json contributions', () => {
  const walkthroughs = manifest.contributes.walkthroughs;

  it('has a walkthrough from an empty folder to the Gantt preview', () => {
    assert.deepEqual(walkthroughs.flatMap((w) => w.steps.map((s) => s.id)), ['createStarterPlan', 'openRoadmap', 'problemAndQuickFix', 'openGanttPreview']);
    for (const step of walkthroughs.flatMap((w) => w.steps)) {
      assert.ok((step.completionEvents ?? []).length > 0, `${step.id} completes on an event`);
      assert.equal(commandLinks(step.description).length, 1, `${step.id} has one button`);
    }
  });

  it('names only commands that it declares or that VS Code has', () => {
    const named: Array<[string, string]> = [];
    for (const [menu, entries] of Object.entries(manifest.contributes.menus)) {
      for (const entry of entries) if (entry.command) named.push([`menus.${menu}`, entry.command]);
    }
    for (const welcome of manifest.contributes.viewsWelcome) {
      for (const command of commandLinks(welcome.contents)) named.push([`viewsWelcome ${welcome.view}`, command]);
    }
    for (const step of walkthroughs.flatMap((w) => w.steps)) {
      for (const command of commandLinks(step.description)) named.push([`walkthrough step ${step.id}`, command]);
      for (const event of step.completionEvents ?? []) {
        if (event.startsWith('onCommand:')) named.push([`walkthrough step ${step.id} completion`, event.slice('onCommand:'.length)]);
      }
      if (step.media.markdown) {
        const markdown = readFileSync(path.join(REPO_ROOT, step.media.markdown), 'utf8');
        for (const command of commandLinks(markdown)) named.push([step.media.markdown, command]);
      }
    }
    assert.ok(named.length >= 20, `found ${named.length} command references`);
    const unknown = named.filter(([, command]) => !declared.has(command) && !BUILT_IN_COMMANDS.has(command));
    assert.deepEqual(unknown, []);
  });

  it('points every walkthrough medium at a file that exists, with alt text for images', () => {
    for (const step of walkthroughs.flatMap((w) => w.steps)) {
      const { markdown, image, svg, altText } = step.media;
      const files = [markdown, svg, ...(typeof image === 'string' ? [image] : image ? [image.light, image.dark] : [])].filter((f): f is string => f !== undefined);
      assert.equal(files.length > 0, true, `${step.id} has a medium`);
      for (const file of files) {
        assert.match(file, /^media\/walkthrough\//, `${step.id}: ${file} is packaged with the walkthrough media`);
        assert.ok(existsSync(path.join(REPO_ROOT, file)), `${step.id}: ${file} exists`);
      }
      if (image !== undefined || svg !== undefined) assert.ok((altText ?? '').length > 10, `${step.id} describes its image`);
    }
  });

  it('points every other contributed path at a file that exists', () => {
    const contributes = manifest.contributes as unknown as Record<string, unknown>;
    const paths = [
      ...(contributes['snippets'] as Array<{ path: string }>).map((s) => s.path),
      ...(contributes['grammars'] as Array<{ path: string }>).map((g) => g.path),
      ...(contributes['yamlValidation'] as Array<{ url: string }>).map((y) => y.url),
    ];
    for (const file of paths) assert.ok(existsSync(path.join(REPO_ROOT, file)), `${file} exists`);
  });
});
