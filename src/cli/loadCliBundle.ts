/**
 * Loads the bundled CLI (`dist/cli-main.cjs`, CommonJS) with V8's code cache.
 *
 * Compiling the bundle (about 1 MB) is a large part of a short run: V8 pre-parses all of it, then
 * compiles every function the run calls. A code cache holds that work, compiled once: the
 * build runs a check over the examples and saves what V8 compiled next to the bundle
 * (`cli-main.cjs.cache`, see `scripts/codeCache.mjs`); each start then reads it instead of
 * compiling, which saves about a fifth of a small check's CPU time. Node ≥ 22 has
 * `module.enableCompileCache()` for this, but it writes a cache folder at run time and
 * Node 20 lacks it; a `vm.Script` with `cachedData` works on every supported version and
 * writes nothing when the CLI runs.
 *
 * The cache is only a speed-up. V8 refuses data made by another V8 version or other flags
 * (then the bundle compiles as it would without it); its own check of the source is its
 * length, so the file starts with the CRC-32 of the source it was made from, and a cache
 * of any other source is not offered to V8 at all.
 *
 * It also sets V8's tiering for a short process ({@link CLI_V8_FLAGS}), in the build's
 * training run and in every start alike.
 */
import type * as RunMain from './runMain.js';

// Built-ins come from `process.getBuiltinModule`, not `import`: this file runs as an ES
// module, and an ES import of `node:fs` builds a facade of all its exports, whose
// `ReadStream` getter loads Node's whole stream library (several ms of every start).
const { isAscii } = process.getBuiltinModule('node:buffer');
const { readFileSync, writeFileSync } = process.getBuiltinModule('node:fs');
const { createRequire } = process.getBuiltinModule('node:module');
const path = process.getBuiltinModule('node:path');
const { Script } = process.getBuiltinModule('node:vm');
const { crc32 } = process.getBuiltinModule('node:zlib');

/** What `dist/cli-main.cjs` exports (`runMain.ts`). */
export type CliExports = typeof RunMain;

export interface CliBundle {
  exports: CliExports;
  /** Whether compiled code came from the cache: `rejected` when V8 refused it, `none` when there was none for this source. */
  cache: 'used' | 'rejected' | 'none';
  /** Saves what V8 has compiled so far as the bundle's cache (for the build, after a training run). */
  writeCache(): void;
}

/**
 * V8 tuned for a process that lives about a second. By default V8 hands a function to its
 * optimising compiler after a small budget of work; in a run this short most of those
 * compiles finish too late to pay for themselves, and on two busy cores they compete with
 * the check itself. Eight times the default budget (67,584) optimises only what really runs
 * hot. Measured side by side on the generated workspaces: about 35% less CPU time at 600
 * documents, 25% at 2,000, and the same CPU with 20% less wall time at 10,000 (see
 * bench/README.md). Only the tiering threshold changes, never what the code does.
 */
export const CLI_V8_FLAGS = '--interrupt-budget=540672';

/** The bytes before V8's data: the source's CRC-32, little-endian. */
const HEADER_BYTES = 4;

/** Loads and runs the CommonJS bundle at `file` (an absolute path), with `${file}.cache` when it matches. */
export function loadCliBundle(file: string): CliBundle {
  // Before anything of the bundle is compiled, and in the build's training run as in every
  // start: V8 refuses a code cache made under other flags.
  process.getBuiltinModule('node:v8').setFlagsFromString(CLI_V8_FLAGS);
  // The build makes the bundle pure ASCII, so it is read as Latin-1: a copy, where UTF-8
  // would decode a megabyte on every start. Anything else is still read as UTF-8.
  const bytes = readFileSync(file);
  const source = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
  const checksum = crc32(bytes);
  const cacheFile = `${file}.cache`;
  let cachedData: Buffer | undefined;
  try {
    const stored = readFileSync(cacheFile);
    if (stored.length > HEADER_BYTES && stored.readUInt32LE(0) === checksum) cachedData = stored.subarray(HEADER_BYTES);
  } catch {
    // No cache (not built with one, or not readable): compile as usual.
  }
  // Node's own CommonJS wrapper, so the bundle runs exactly as `require` would run it.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) { ${source}\n})`, {
    filename: file,
    ...(cachedData === undefined ? {} : { cachedData }),
  });
  const module = { exports: {} as CliExports };
  const wrapper = script.runInThisContext() as (exports: object, require: NodeJS.Require, module: object, filename: string, dirname: string) => void;
  wrapper(module.exports, createRequire(file), module, file, path.dirname(file));
  return {
    exports: module.exports,
    cache: cachedData === undefined ? 'none' : script.cachedDataRejected === true ? 'rejected' : 'used',
    writeCache: () => {
      const header = Buffer.alloc(HEADER_BYTES);
      header.writeUInt32LE(checksum, 0);
      writeFileSync(cacheFile, Buffer.concat([header, script.createCachedData()]));
    },
  };
}
