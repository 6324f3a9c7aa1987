import * as assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { createNodeFileSystem as createFs } from '../../src/node/nodeFileSystem.js';
import type { NodeFileSystemOptions } from '../../src/node/nodeFileSystem.js';

// Every case runs with asynchronous reads (the default) and with the CLI's blocking reads.
for (const blocking of [false, true]) describe(`createNodeFileSystem${blocking ? ' with blocking reads' : ''}`, () => {
  const createNodeFileSystem = (dir: string, options: NodeFileSystemOptions = {}) => createFs(dir, { ...options, blocking });
  let root: string;

  beforeEach(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'specline-fs-'));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  async function write(file: string, text: string): Promise<void> {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), text);
  }

  it('lists files recursively as sorted posix paths, skipping node_modules and .git', async () => {
    await write('b.md', 'b');
    await write('a/deep/c.md', 'c');
    await write('a/x.txt', 'x');
    await write('node_modules/pkg/readme.md', 'no');
    await write('sub/node_modules/readme.md', 'no');
    await write('.git/HEAD', 'no');
    await write('.github/plan.md', 'yes');
    const fs = createNodeFileSystem(root);
    assert.deepEqual(await fs.listFiles(), ['.github/plan.md', 'a/deep/c.md', 'a/x.txt', 'b.md']);
  });

  it('reads bytes and stats sizes', async () => {
    await write('dir/é.md', 'héllo');
    const fs = createNodeFileSystem(root);
    assert.equal(new TextDecoder().decode(await fs.readFile('dir/é.md')), 'héllo');
    assert.deepEqual(await fs.stat!('dir/é.md'), { size: 6 });
    await assert.rejects(fs.readFile('missing.md'));
  });

  it('never follows symlinked folders inside the root, so loops cannot hang; lists symlinked files, broken ones too (reading them says why)', async () => {
    await write('plans/plan.md', 'p');
    await symlink(root, path.join(root, 'plans', 'loop'), 'dir');
    await symlink(path.join(root, 'plans'), path.join(root, 'alias'), 'dir');
    await symlink(path.join(root, 'plans', 'plan.md'), path.join(root, 'linked.md'), 'file');
    await symlink(path.join(root, 'nowhere.md'), path.join(root, 'dangling.md'), 'file');
    const fs = createNodeFileSystem(root);
    assert.deepEqual(await fs.listFiles(), ['dangling.md', 'linked.md', 'plans/plan.md']);
    assert.deepEqual(fs.listProblems!(), []);
    await assert.rejects(fs.readFile('dangling.md'), /broken symbolic link/);
    // Named through a linked folder that stays inside the root, a file reads; through one that leads out, it does not.
    assert.equal(new TextDecoder().decode(await fs.readFile('alias/plan.md')), 'p');
    assert.equal(new TextDecoder().decode(await fs.readFile('alias/loop/plans/plan.md')), 'p');
  });

  it('returns nothing for a root that does not exist', async () => {
    assert.deepEqual(await createNodeFileSystem(path.join(root, 'gone')).listFiles(), []);
  });

  it('skips folders that vanish while listing', async () => {
    for (let i = 0; i < 50; i++) await write(`d${i}/f.md`, 'x');
    const fs = createNodeFileSystem(root);
    const listing = fs.listFiles();
    await Promise.all(Array.from({ length: 50 }, (_, i) => (i % 2 === 0 ? rm(path.join(root, `d${i}`), { recursive: true, force: true }) : undefined)));
    const files = await listing;
    // Whatever was seen is well-formed; odd folders always survive.
    for (let i = 1; i < 50; i += 2) assert.ok(files.includes(`d${i}/f.md`));
    assert.ok(files.every((f) => /^d\d+\/f\.md$/.test(f)));
  });

  it('lists FIFOs for the core to report, and reports links to folders outside the root instead of walking them', async () => {
    const { execFileSync } = await import('node:child_process');
    const outside = await mkdtemp(path.join(tmpdir(), 'specline-outside-'));
    try {
      await write('plan.md', 'p');
      await writeFile(path.join(outside, 'theirs.md'), 'x');
      await symlink(outside, path.join(root, 'shared'), 'dir');
      execFileSync('mkfifo', [path.join(root, 'pipe.md')]);
      const fs = createNodeFileSystem(root);
      assert.deepEqual(await fs.listFiles(), ['pipe.md', 'plan.md']);
      assert.deepEqual(fs.listProblems!().map((p) => p.path), ['shared']);
      await assert.rejects(fs.stat!('pipe.md'), /not a regular file \(FIFO\)/);
      const following = createNodeFileSystem(root, { followLinks: () => true });
      assert.deepEqual(await following.listFiles(), ['pipe.md', 'plan.md', 'shared/theirs.md']);
      assert.deepEqual(following.listProblems!(), []);
      assert.equal(new TextDecoder().decode(await following.readFile('shared/theirs.md')), 'x');
      await assert.rejects(fs.readFile('shared/theirs.md'), /symbolic link to a file outside the workspace/);
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
  });

  it('reads at most maxBytes', async () => {
    await write('long.md', 'x'.repeat(100_000));
    assert.equal((await createNodeFileSystem(root).readFile('long.md', { maxBytes: 70_001 })).length, 70_001);
    // Read whole across several chunks, and a small file and an empty one exactly.
    assert.equal((await createNodeFileSystem(root).readFile('long.md')).length, 100_000);
    await write('small.md', 'é'.repeat(1000));
    await write('empty.md', '');
    assert.equal(new TextDecoder().decode(await createNodeFileSystem(root).readFile('small.md')), 'é'.repeat(1000));
    assert.equal((await createNodeFileSystem(root).readFile('empty.md')).length, 0);
  });
});
