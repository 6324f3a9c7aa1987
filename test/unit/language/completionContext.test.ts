import assert from 'node:assert/strict';
import { defaultConfig } from '../../../src/core/config/loadConfig.js';
import type { CompletionContext } from '../../../src/core/language/completionContext.js';
import { getCompletionContext } from '../../../src/core/language/completionContext.js';
import { cursorAt, textAt } from './helpers.js';

const prefixes = defaultConfig().prefixes;

/** Omit that keeps a union a union. */
type Without<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** The context at the cursor, with the replaced text instead of the range. */
function ctx(marked: string): (Without<CompletionContext, 'replaceRange'> & { replaced: string }) | undefined {
  const { text, position } = cursorAt(marked);
  const c = getCompletionContext(text, position, prefixes);
  if (!c) return undefined;
  const { replaceRange, ...rest } = c;
  return { ...rest, replaced: textAt(text, replaceRange) };
}

describe('getCompletionContext', () => {
  describe('front matter', () => {
    it('a flow list: `goals: [G-1, G-‸`', () => {
      assert.deepEqual(ctx('---\nid: FEAT-9\ngoals: [G-1, G-‸\n---\n'), {
        type: 'id', key: 'goals', where: 'front-matter', typed: 'G-', replaced: 'G-', existing: ['G-1'], item: 'FEAT-9', itemKind: 'feature',
      });
    });

    it('replaces the whole token when the cursor is inside it', () => {
      const c = ctx('---\nid: FEAT-9\ngoals: [G-‸12, G-3]\n---\n');
      assert.equal(c?.typed, 'G-');
      assert.equal(c?.replaced, 'G-12');
      assert.deepEqual(c?.type === 'id' && c.existing, ['G-3']);
    });

    it('an entry of a block list under `goals:`', () => {
      const c = ctx('---\nid: FEAT-9\ngoals:\n  - G-1\n  - ‸\n  - G-4\nstatus: draft\n---\n');
      assert.equal(c?.type, 'id');
      assert.deepEqual(c?.type === 'id' && [c.key, c.existing, c.typed, c.replaced], ['goals', ['G-1', 'G-4'], '', '']);
    });

    it('a key at a line start, knowing the keys already set', () => {
      const c = ctx('---\nid: T-9\ntitle: x\ndur‸\nowner: "@ana"\n---\n');
      assert.equal(c?.type, 'key');
      assert.deepEqual(c?.type === 'key' && [c.typed, c.replaced, c.existing, c.plan, c.colonFollows, c.itemKind], ['dur', 'dur', ['id', 'title', 'owner'], false, false, 'task']);
    });

    it('a key being edited before its colon', () => {
      const c = ctx('---\nid: G-9\nhori‸zon: now\n---\n');
      assert.deepEqual(c?.type === 'key' && [c.typed, c.replaced, c.colonFollows], ['hori', 'horizon', true]);
    });

    it('a plan (front matter without id) gets plan keys', () => {
      const c = ctx('---\ntitle: Plan\n‸\n---\n');
      assert.deepEqual(c?.type === 'key' && [c.plan, c.item], [true, undefined]);
    });

    it('values of status, horizon and owner', () => {
      assert.deepEqual(ctx('---\nid: G-9\nstatus: app‸\n---\n'), { type: 'value', key: 'status', where: 'front-matter', typed: 'app', replaced: 'app', existing: [], item: 'G-9', itemKind: 'goal' });
      assert.equal(ctx('---\nid: G-9\nhorizon: ‸\n---\n')?.type, 'value');
      const owner = ctx('---\nid: T-9\nowner: [@ana, @‸]\n---\n');
      assert.deepEqual(owner?.type === 'value' && [owner.key, owner.typed, owner.existing], ['owner', '@', ['@ana']]);
    });

    it('nothing after a closed flow list, on the fences, or for unknown keys', () => {
      assert.equal(ctx('---\nid: FEAT-9\ngoals: [G-1] ‸\n---\n'), undefined);
      assert.equal(ctx('---‸\nid: FEAT-9\n---\n'), undefined);
      assert.equal(ctx('---\nid: FEAT-9\n---‸\n'), undefined);
      assert.equal(ctx('---\nid: FEAT-9\nteam: plat‸\n---\n'), undefined);
    });
  });

  describe('list attributes', () => {
    it('`- after: T-1, ‸` under a task list item', () => {
      assert.deepEqual(ctx('## Tasks\n\n- [ ] T-5 Build it\n  - features: FEAT-1\n  - after: T-1, ‸\n  - duration: 2d\n'), {
        type: 'id', key: 'after', where: 'list', typed: '', replaced: '', existing: ['T-1'], item: 'T-5', itemKind: 'task',
      });
    });

    it('an alias key (`depends on`) under a heading item', () => {
      const c = ctx('## M-2 Launch\n\nWhen everything is in.\n\n- date: 2027-03-01\n- depends on: T-‸\n');
      assert.deepEqual(c?.type === 'id' && [c.key, c.item, c.itemKind, c.typed], ['after', 'M-2', 'milestone', 'T-']);
    });

    it('a key position under a list item, with the sibling keys', () => {
      const c = ctx('- [ ] T-5 Build it\n  - features: FEAT-1\n  - du‸\n  - owner: @ana\n');
      assert.deepEqual(c?.type === 'key' && [c.typed, c.replaced, c.existing, c.item, c.itemKind, c.colonFollows], ['du', 'du', ['owner', 'features'], 'T-5', 'task', false]);
    });

    it('a key position in a heading item\'s attribute list', () => {
      const c = ctx('# Roadmap\n\n## G-4 Win enterprise\n- horizon: next\n- ‸\n');
      assert.deepEqual(c?.type === 'key' && [c.existing, c.item, c.itemKind], [['horizon'], 'G-4', 'goal']);
    });

    it('a status value in a nested list', () => {
      const c = ctx('- [ ] T-5 Build it\n  - status: in-‸\n');
      assert.deepEqual(c?.type === 'value' && [c.key, c.typed, c.item], ['status', 'in-', 'T-5']);
    });

    it('nothing in a list of items, in prose, or on an item\'s own line', () => {
      assert.equal(ctx('- [ ] T-1 One\n- [ ] T-2 Two\n- ‸\n'), undefined);
      assert.equal(ctx('- [ ] T-1 One\n  - [ ] T-1.1 Sub\n  - ‸\n'), undefined);
      assert.equal(ctx('Some prose after: T-‸\n'), undefined);
      assert.equal(ctx('- [ ] T-‸1 One\n'), undefined);
      assert.equal(ctx('## Notes\n\n- after: T-‸\n'), undefined);
    });
  });

  describe('table cells', () => {
    const table = '# Plan\n\n| ID | Task | Depends on | Owner | Status |\n|---|---|---|---|---|\n';

    it('the column header decides the key, past escaped pipes', () => {
      assert.deepEqual(ctx(`${table}| T-10 | Meter | | @cy | todo |\n| T-11 | Invoice \\| PDF | T-10, ‸ | @cy | todo |\n`), {
        type: 'id', key: 'after', where: 'table', typed: '', replaced: '', existing: ['T-10'], item: 'T-11', itemKind: 'task',
      });
    });

    it('owner and status cells give values', () => {
      const owner = ctx(`${table}| T-10 | Meter | | @c‸ | todo |\n`);
      assert.deepEqual(owner?.type === 'value' && [owner.key, owner.typed, owner.replaced], ['owner', '@c', '@c']);
      assert.equal(ctx(`${table}| T-10 | Meter | | @cy | do‸ |\n`)?.type, 'value');
    });

    it('a row still being typed (no closing pipe)', () => {
      const c = ctx(`${table}| T-12 | New | T-‸`);
      assert.deepEqual(c?.type === 'id' && [c.key, c.typed, c.item], ['after', 'T-', 'T-12']);
    });

    it('nothing in the header, the delimiter, the ID column, or a table without an ID column', () => {
      assert.equal(ctx('| ID | Depends‸ on |\n|---|---|\n| T-1 | |\n'), undefined);
      assert.equal(ctx('| ID | Depends on |\n|--‸-|---|\n| T-1 | |\n'), undefined);
      assert.equal(ctx('| ID | Depends on |\n|---|---|\n| T-‸1 | |\n'), undefined);
      assert.equal(ctx('| Name | Depends on |\n|---|---|\n| x | T-‸ |\n'), undefined);
    });
  });
});
