import { sameFileItems } from '../model/itemsEqual.js';
import { Analyzer } from '../analyzer/analyze.js';
import type { Baseline } from '../baseline/baseline.js';
import type { Analysis } from '../analysis/types.js';
import { ConfigError, defaultConfig, fileMatcher, parseConfig } from '../config/loadConfig.js';
import type { SpeclineConfig } from '../model/configTypes.js';
import type { Diagnostic, FilePath, FileResult } from '../model/types.js';
import { contentHash } from '../parse/contentHash.js';
import { MAX_CONFIG_BYTES, MAX_FILE_BYTES, MAX_SKIPPED_HINTS, MAX_SKIPPED_SCAN_BYTES } from '../model/limits.js';
import { parseFile, skippedFileResult, tooLarge } from '../parse/parseFile.js';
import { SteppedRun } from '../model/steppedRun.js';
import type { ConfigSource, Workspace, WorkspaceOptions } from './types.js';

export const DEFAULT_CONFIG_PATH = '.specline.yml';

/** What of the config parsing reads (the prefixes, what is an ID; the currency, which money is valid): equal keys, equal parses. */
function parseKey(config: SpeclineConfig): string {
  return JSON.stringify([[...config.prefixes], config.currency ?? null]);
}
/** Files read at once during a load. */
const READ_CONCURRENCY = 32;
const ORIGIN = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/**
 * A workspace index: files → parse (cached by content) → analysis (cached until a file
 * or the config changes). The host supplies the file system and "today"; nothing here
 * touches Node or VS Code directly.
 */
export function createWorkspace(options: WorkspaceOptions): Workspace {
  const configPath = options.configPath ?? DEFAULT_CONFIG_PATH;
  const explicitConfig = options.configPath !== undefined;
  let config: SpeclineConfig = defaultConfig();
  let configDiagnostics: Diagnostic[] = [];
  let matches = fileMatcher(config);
  const files = new Map<FilePath, FileResult>();
  let cached: Analysis | undefined;
  let cachedToday: number | undefined;
  /** Bumped by every change, so an analysis that ran in steps across a change is not cached as current. */
  let version = 0;
  /** An analysis running in steps (`analyzeSteps`), which any other analysis finishes first. */
  let running: SteppedRun<Analysis> | undefined;
  const invalidate = (): void => {
    cached = undefined;
    version++;
  };
  /** Keeps what the last analysis computed, so an edit re-checks only what depends on it. */
  let analyzer = new Analyzer();
  let baseline: Baseline | { problem: string } | undefined;

  const excludedFolder = (path: FilePath): boolean => {
    const exclude = fileMatcher({ ...config, include: ['**'] });
    return !exclude(path) || !exclude(`${path}/x.md`);
  };
  const inScope = (path: FilePath): boolean => {
    if (!matches(path)) return false;
    if (!options.paths || options.paths.length === 0) return true;
    return options.paths.some((p) => p === '' || p === '.' || path === p || path.startsWith(p.endsWith('/') ? p : `${p}/`));
  };

  /** Latin-1 text of skipped files that were read, for the `ref.unknown` hint (bounded). */
  const skippedText = new Map<FilePath, string>();

  let source: ConfigSource = { path: configPath, state: 'missing' };

  async function readConfig(): Promise<void> {
    const read = await readConfigText();
    config = defaultConfig();
    configDiagnostics = [];
    source = 'problem' in read ? { path: configPath, state: 'unreadable', reason: read.problem } : { path: configPath, state: 'text' in read ? 'read' : 'missing' };
    if ('problem' in read) {
      // Anything but a readable, bounded UTF-8 file is said out loud, never replaced by defaults in silence.
      if (explicitConfig) throw new ConfigError(`cannot read config ${configPath}: ${read.problem}`);
      configDiagnostics = [{ file: configPath, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: 'error', code: 'file.skipped', message: `${configPath} was not read: ${read.problem}`, related: [] }];
    } else if ('text' in read) {
      const loaded = parseConfig(read.text, configPath);
      config = loaded.config;
      configDiagnostics = loaded.diagnostics;
    } else if (explicitConfig) {
      throw new ConfigError(`cannot read config ${configPath}: not found`);
    }
    matches = fileMatcher(config);
    analyzer = new Analyzer();
  }

  /** The warning on `baseline:` when the baseline could not be read (never an error: the plan is still checked). */
  function baselineProblem(): Diagnostic[] {
    if (!baseline || !('problem' in baseline) || !config.baseline) return [];
    return [{ file: configPath, range: config.baseline.range, severity: 'warning', code: 'schedule.slipped', message: `baseline ${config.baseline.ref} cannot be compared: ${baseline.problem}`, related: [] }];
  }

  /** The config's text; `missing` when there is none; `problem` when it is there but unusable. Stats before it opens. */
  async function readConfigText(): Promise<{ text: string } | { missing: true } | { problem: string }> {
    try {
      if (options.fs.stat) {
        const { size } = await options.fs.stat(configPath);
        if (size > MAX_CONFIG_BYTES) return { problem: `larger than ${MAX_CONFIG_BYTES / 1024} KB (${Math.ceil(size / 1024).toLocaleString('en-US')} KB)` };
      }
      const bytes = await options.fs.readFile(configPath, { maxBytes: MAX_CONFIG_BYTES + 1 });
      if (bytes.length > MAX_CONFIG_BYTES) return { problem: `larger than ${MAX_CONFIG_BYTES / 1024} KB` };
      const decoded = decode(bytes);
      return decoded.error === undefined ? { text: decoded.text } : { problem: decoded.error };
    } catch (error) {
      return isNotFound(error) ? { missing: true } : { problem: describeReadError(error) };
    }
  }

  function skipped(path: FilePath, reason: string, bytes?: Uint8Array): { skipped: FileResult } {
    if (bytes) skippedText.set(path, latin1(bytes.subarray(0, MAX_SKIPPED_SCAN_BYTES)));
    else skippedText.delete(path);
    return { skipped: skippedFileResult(path, reason) };
  }

  async function readOne(path: FilePath): Promise<{ text: string } | { skipped: FileResult } | { gone: true }> {
    try {
      if (options.fs.stat) {
        const { size } = await options.fs.stat(path);
        if (size > MAX_FILE_BYTES) return skipped(path, tooLarge(size));
      }
      const bytes = await options.fs.readFile(path, { maxBytes: MAX_FILE_BYTES + 1 });
      if (bytes.length > MAX_FILE_BYTES) return skipped(path, tooLarge(bytes.length), bytes);
      const decoded = decode(bytes);
      if (decoded.error !== undefined) return skipped(path, decoded.error, bytes);
      skippedText.delete(path);
      return { text: decoded.text };
    } catch (error) {
      // Deleted between listing and reading: gone, not a problem (a watcher or the next run sees it).
      if (isNotFound(error)) return { gone: true };
      return skipped(path, describeReadError(error));
    }
  }

  /** Adds to `ref.unknown` where a skipped file may define the missing ID. */
  function withSkippedHints(analysis: Analysis): Analysis {
    if (skippedText.size === 0 || !analysis.diagnostics.some((d) => d.code === 'ref.unknown')) return analysis;
    const found = new Map<string, FilePath[]>();
    const whereSkipped = (id: string): FilePath[] => {
      let list = found.get(id);
      if (!list) {
        const token = new RegExp(`(?<![A-Za-z0-9_-])${id.replace(/\./g, '\\.')}(?![A-Za-z0-9_]|\\.\\d)`);
        list = [];
        for (const [file, text] of skippedText) {
          if (files.get(file)?.skipped && token.test(text)) list.push(file);
          if (list.length >= MAX_SKIPPED_HINTS) break;
        }
        found.set(id, list);
      }
      return list;
    };
    const diagnostics = analysis.diagnostics.map((d) => {
      const id = d.code === 'ref.unknown' ? d.data?.id : undefined;
      if (id === undefined) return d;
      const where = whereSkipped(id);
      if (where.length === 0) return d;
      const because = (file: FilePath): string => files.get(file)?.skipped ?? 'unreadable';
      const first = where[0]!;
      const others = where.length > 1 ? ` (and ${where.length - 1} more skipped file${where.length > 2 ? 's' : ''})` : '';
      return {
        ...d,
        message: `${d.message}; ${id} may be defined in ${first}, which was skipped: ${because(first)}${others}`,
        related: [...d.related, ...where.map((file) => ({ file, range: ORIGIN, message: `${id} appears in this file, which was not read` }))],
      };
    });
    return { ...analysis, diagnostics };
  }

  /** The analysis of the files as they are when the first step runs; cached unless something changed meanwhile. */
  function* analysisSteps(sliced: boolean): Generator<void, Analysis, void> {
    const today = options.today();
    if (cached && cachedToday === today) return cached;
    const at = version;
    const compared = baseline && 'commit' in baseline ? baseline : undefined;
    const analysis = withSkippedHints(yield* analyzer.steps({
      config, configDiagnostics: [...configDiagnostics, ...baselineProblem()], files: files.values(), today, ...(compared ? { baseline: compared } : {}),
    }, { sliced }));
    if (version === at) {
      cached = analysis;
      cachedToday = today;
    }
    return analysis;
  }

  const workspace: Workspace = {
    async load() {
      await readConfig();
      files.clear();
      invalidate();
      skippedText.clear();
      const paths = (await options.fs.listFiles()).filter(inScope).sort();
      for (const problem of options.fs.listProblems?.() ?? []) {
        // A folder that could not be listed may hold plans: only exclude can rule it out.
        if (!excludedFolder(problem.path)) files.set(problem.path, skippedFileResult(problem.path, problem.reason));
      }
      // Reads overlap (a few dozen at a time): one after the other, the CPU waits on every file.
      const reads = new Array<Awaited<ReturnType<typeof readOne>>>(paths.length);
      let next = 0;
      const worker = async (): Promise<void> => {
        while (next < paths.length) {
          const i = next++;
          reads[i] = await readOne(paths[i]!);
        }
      };
      await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, paths.length) }, worker));
      const texts: Array<{ path: FilePath; text: string }> = [];
      paths.forEach((path, i) => {
        const read = reads[i]!;
        if ('skipped' in read) files.set(path, read.skipped);
        else if ('text' in read) texts.push({ path, text: read.text });
      });
      // Files whose text a reused result was parsed from keep it; the others are parsed.
      const reuse = options.reuse && parseKey(options.reuse.config) === parseKey(config) ? options.reuse.files : undefined;
      const kept = new Array<FileResult | undefined>(texts.length);
      let toParse = texts;
      if (reuse) {
        toParse = [];
        for (let i = 0; i < texts.length; i++) {
          const known = reuse.get(texts[i]!.path);
          if (known && known.skipped === undefined && known.file === texts[i]!.path && known.hash === contentHash(texts[i]!.text)) kept[i] = known;
          else toParse.push(texts[i]!);
        }
      }
      const parsed = options.parseBatch ? await options.parseBatch(toParse, config) : toParse.map((t) => parseFile(t.path, t.text, config));
      let fresh = 0;
      for (let i = 0; i < texts.length; i++) {
        const r = kept[i] ?? parsed[fresh++]!;
        files.set(r.file, r);
      }
    },

    setFile(path, text) {
      if (!inScope(path)) return false;
      skippedText.delete(path);
      const previous = files.get(path);
      if (previous && !previous.skipped && previous.hash === contentHash(text)) return true;
      files.set(path, keepItemIdentity(previous, parseFile(path, text, config)));
      invalidate();
      return true;
    },

    async setFiles(texts) {
      const parsedWith = config;
      const changed = texts.filter(({ path, text }) => {
        if (!inScope(path)) return false;
        const previous = files.get(path);
        return !previous || previous.skipped !== undefined || previous.hash !== contentHash(text);
      });
      if (changed.length === 0) return;
      // What each file was before: a newer text set meanwhile (a quick fix's `setFile`) wins.
      const before = new Map(changed.map((t) => [t.path, files.get(t.path)]));
      const results = options.parseBatch ? await options.parseBatch(changed, config) : changed.map((t) => parseFile(t.path, t.text, config));
      // A config read meanwhile may parse differently: the parse results are then stale.
      if (config !== parsedWith) {
        for (const t of changed) if (files.get(t.path) === before.get(t.path)) workspace.setFile(t.path, t.text);
        return;
      }
      for (const r of results) {
        if (!inScope(r.file) || files.get(r.file) !== before.get(r.file)) continue;
        skippedText.delete(r.file);
        files.set(r.file, keepItemIdentity(files.get(r.file), r));
      }
      invalidate();
    },

    async refreshFile(path) {
      if (!inScope(path)) return;
      const read = await readOne(path);
      if ('gone' in read) {
        workspace.deleteFile(path);
      } else if ('skipped' in read) {
        files.set(path, read.skipped);
        invalidate();
      } else {
        workspace.setFile(path, read.text);
      }
    },

    deleteFile(path) {
      skippedText.delete(path);
      if (files.delete(path)) invalidate();
    },

    async reloadConfig() {
      const before = parseKey(config);
      await readConfig();
      invalidate();
      if (parseKey(config) !== before) await workspace.load();
    },

    analyze() {
      running?.finish();
      running = undefined;
      return new SteppedRun(analysisSteps(false)).finish();
    },

    *analyzeSteps() {
      // One Analyzer runs one analysis at a time: let one already in progress finish first.
      const before = running;
      if (before) while (!before.step()) yield;
      const run = new SteppedRun(analysisSteps(true));
      running = run;
      try {
        while (!run.step()) yield;
        return run.result();
      } finally {
        if (running === run) running = undefined;
      }
    },

    setBaseline(next) {
      if (next === baseline) return;
      baseline = next;
      invalidate();
    },

    files() {
      return [...files.keys()];
    },

    configProblems() {
      return configDiagnostics;
    },

    config() {
      return config;
    },

    configSource() {
      return source;
    },
  };
  return workspace;
}

/**
 * When an edit leaves a file's items exactly as they were (typing in prose), the new parse
 * reuses the old item objects: the analysis recognises unchanged items by identity.
 */
function keepItemIdentity(previous: FileResult | undefined, next: FileResult): FileResult {
  if (!previous || previous.items.length !== next.items.length || previous.items.length === 0) return next;
  if (!sameFileItems(previous, next)) return next;
  return { ...next, items: previous.items };
}

/** UTF-8 text of a file, or why it is not text, in words for `file.skipped`. */
function decode(bytes: Uint8Array): { text: string; error?: undefined } | { text: ''; error: string } {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return { text: '', error: `not UTF-8 (UTF-16 ${bytes[0] === 0xff ? 'little' : 'big'}-endian, by its byte order mark)` };
  }
  // A NUL anywhere is how git and grep tell binary files (and UTF-16 without a mark).
  const nul = bytes.indexOf(0);
  if (nul >= 0) return { text: '', error: `contains a NUL byte (at offset ${nul})` };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const at = firstInvalidUtf8(bytes);
    return { text: '', error: at < 0 ? 'not UTF-8' : `not UTF-8 (invalid byte 0x${bytes[at]!.toString(16).toUpperCase().padStart(2, '0')} at offset ${at})` };
  }
}

/** Offset of the first byte that breaks UTF-8 (RFC 3629: no overlongs, surrogates or code points past U+10FFFF), or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!;
    if (b < 0x80) { i++; continue; }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) { need = 1; min = 0x80; }
    else if (b >= 0xe0 && b <= 0xef) { need = 2; min = 0x800; }
    else if (b >= 0xf0 && b <= 0xf4) { need = 3; min = 0x10000; }
    else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** Bytes as Latin-1: every byte one character, so any ID written in ASCII is found. */
function latin1(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) out += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return out;
}

/** A host's "no such file": Node's `ENOENT`, VS Code's `FileNotFound`, by code or (for hosts that set none) by message. */
function isNotFound(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  if (code === 'ENOENT' || code === 'FileNotFound' || code === 'EntryNotFound') return true;
  return code === undefined && error instanceof Error && error.name !== 'SkipReason' && /^(?:ENOENT\b|EntryNotFound\b|FileNotFound\b)/.test(error.message);
}

/** Why a read failed, in words: the host's message, or a plain word for well-known codes. */
function describeReadError(error: unknown): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  if (code === 'EACCES' || code === 'EPERM' || code === 'NoPermissions') return 'permission denied';
  if (code === 'EISDIR' || code === 'FileIsADirectory') return 'a folder, not a file';
  // A file-system error says what is wrong; a TypeError or RangeError is a bug, whose text
  // would only confuse the reader of the diagnostic.
  if (error instanceof TypeError || error instanceof RangeError || error instanceof ReferenceError) return 'could not be read: internal error; please report it';
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]!.slice(0, 300) || 'could not be read';
}
