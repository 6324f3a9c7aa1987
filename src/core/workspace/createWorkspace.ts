import { sameFileItems } from '../model/itemsEqual.js';
import { Analyzer } from '../analysis/analyze.js';
import type { Analysis } from '../analysis/types.js';
import { ConfigError, defaultConfig, fileMatcher, parseConfig } from '../config/loadConfig.js';
import type { SpeclineConfig } from '../config/types.js';
import { LineIndex } from '../model/lineIndex.js';
import type { Diagnostic, FilePath, FileResult } from '../model/types.js';
import { contentHash } from '../parse/contentHash.js';
import { MAX_FILE_BYTES } from '../model/limits.js';
import { parseFile } from '../parse/parseFile.js';
import type { Workspace, WorkspaceOptions } from './types.js';

export const DEFAULT_CONFIG_PATH = '.specline.yml';
/** Files read at once during a load. */
const READ_CONCURRENCY = 32;

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
  /** Keeps what the last analysis computed, so an edit re-checks only what depends on it. */
  let analyzer = new Analyzer();

  const inScope = (path: FilePath): boolean => {
    if (!matches(path)) return false;
    if (!options.paths || options.paths.length === 0) return true;
    return options.paths.some((p) => p === '' || p === '.' || path === p || path.startsWith(p.endsWith('/') ? p : `${p}/`));
  };

  async function readConfig(): Promise<void> {
    let text: string | undefined;
    try {
      text = decode(await options.fs.readFile(configPath)).text;
    } catch (error) {
      if (explicitConfig) throw new ConfigError(`cannot read config ${configPath}: ${(error as Error).message ?? String(error)}`);
    }
    if (text === undefined) {
      config = defaultConfig();
      configDiagnostics = [];
    } else {
      const loaded = parseConfig(text, configPath);
      config = loaded.config;
      configDiagnostics = loaded.diagnostics;
    }
    matches = fileMatcher(config);
    analyzer = new Analyzer();
  }

  function skippedResult(path: FilePath, reason: string, text = ''): FileResult {
    return { file: path, hash: contentHash(text), items: [], references: [], diagnostics: [], suppressions: { lines: [], blocks: [] }, headings: [], skipped: reason, lineCount: new LineIndex(text).lineCount };
  }

  async function readOne(path: FilePath): Promise<{ text: string } | { skipped: FileResult }> {
    try {
      if (options.fs.stat) {
        const { size } = await options.fs.stat(path);
        if (size > MAX_FILE_BYTES) return { skipped: skippedResult(path, `larger than ${MAX_FILE_BYTES / 1024 / 1024} MB (${Math.round(size / 1024)} KB)`) };
      }
      const bytes = await options.fs.readFile(path);
      if (bytes.length > MAX_FILE_BYTES) return { skipped: skippedResult(path, `larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`) };
      const decoded = decode(bytes);
      if (decoded.error) return { skipped: skippedResult(path, decoded.error) };
      return { text: decoded.text };
    } catch (error) {
      return { skipped: skippedResult(path, `could not be read: ${(error as Error).message ?? String(error)}`) };
    }
  }

  const workspace: Workspace = {
    async load() {
      await readConfig();
      files.clear();
      cached = undefined;
      const paths = (await options.fs.listFiles()).filter(inScope).sort();
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
        else texts.push({ path, text: read.text });
      });
      const results = options.parseBatch ? await options.parseBatch(texts, config) : texts.map((t) => parseFile(t.path, t.text, config));
      for (const r of results) files.set(r.file, r);
    },

    setFile(path, text) {
      if (!inScope(path)) return false;
      const previous = files.get(path);
      if (previous && !previous.skipped && previous.hash === contentHash(text)) return true;
      files.set(path, keepItemIdentity(previous, parseFile(path, text, config)));
      cached = undefined;
      return true;
    },

    async refreshFile(path) {
      if (!inScope(path)) return;
      const read = await readOne(path);
      if ('skipped' in read) {
        files.set(path, read.skipped);
        cached = undefined;
      } else {
        workspace.setFile(path, read.text);
      }
    },

    deleteFile(path) {
      if (files.delete(path)) cached = undefined;
    },

    async reloadConfig() {
      // Parsing reads the prefixes (what is an ID) and the currency (which money is valid).
      const parsedWith = (): string => JSON.stringify([[...config.prefixes], config.currency ?? null]);
      const before = parsedWith();
      await readConfig();
      cached = undefined;
      if (parsedWith() !== before) await workspace.load();
    },

    analyze() {
      const today = options.today();
      if (cached && cachedToday === today) return cached;
      cached = analyzer.analyze({ config, configDiagnostics, files: files.values(), today });
      cachedToday = today;
      return cached;
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

/** UTF-8 text of a file, or why it is not text. */
function decode(bytes: Uint8Array): { text: string; error?: undefined } | { text: ''; error: string } {
  // A NUL in the first 8 KB is how git and grep tell binary files.
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) return { text: '', error: 'binary content' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { text: '', error: 'not valid UTF-8' };
  }
}
