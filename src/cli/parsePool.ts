/**
 * Parses a batch of files on every core with `node:worker_threads`.
 *
 * Bundling: the worker is a second entry point, not the CLI bundle re-entered, so a
 * worker loads only the parser (not the renderers and the CLI) and starts faster. The pool
 * looks for it at `./parseWorker.js` next to its own module, which holds both for tsc
 * output (`out/src/cli/`) and for the bundle (`dist/`). Entry points for esbuild:
 *
 *   entryPoints: { cli: 'src/cli/main.ts', parseWorker: 'src/cli/parseWorker.ts' }
 *   (format: 'esm', platform: 'node', outdir: 'dist', bundle: true)
 *
 * `src/cli/run.ts` is the runnable form of `main.ts` (sets `process.exitCode`); bundle it
 * as `cli` instead when the bin script should not call `main` itself.
 *
 * Small batches parse in-thread: starting a worker and loading the Markdown parser costs
 * tens of milliseconds, more than parsing a few dozen files. If workers cannot start (the
 * worker file is missing from a bundle, a sandbox forbids threads) or one fails, its share
 * is parsed in-thread, so the result never depends on whether threads worked.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { serializeConfig } from '../core/config/loadConfig.js';
import type { SpeclineConfig } from '../core/config/types.js';
import type { FilePath, FileResult } from '../core/model/types.js';
import { parseFile } from '../core/parse/parseFile.js';
import type { BatchParser } from '../core/workspace/types.js';
import type { ParseReply, ParseRequest, ParseWorkerData } from './parseWorker.js';

export type SourceFile = { path: FilePath; text: string };


export interface ParsePoolOptions {
  /** Most worker threads to start; default `os.availableParallelism()`. 1 or less parses in-thread. */
  threads?: number;
  /** Batches with fewer files than this parse in-thread. Default 64. */
  minFiles?: number;
  /** Batches with less text than this (UTF-16 units, about bytes) parse in-thread. Default 256 KiB. */
  minBytes?: number;
  /** The worker script; default `./parseWorker.js` next to this module. */
  workerUrl?: URL;
  /** Told when workers fail and the pool falls back to parsing in-thread. */
  onFallback?: (reason: string) => void;
}

/** Files per worker below which another worker is not worth starting. */
const MIN_FILES_PER_WORKER = 24;
const MIN_BYTES_PER_WORKER = 96 * 1024;
/** Chunks per worker: more chunks balance uneven files better, fewer save messages. */
const CHUNKS_PER_WORKER = 4;

/** Creates a batch parser that spreads large batches over worker threads. */
export function createParsePool(options: ParsePoolOptions = {}): BatchParser {
  const threads = options.threads ?? availableParallelism();
  const minFiles = options.minFiles ?? 64;
  const minBytes = options.minBytes ?? 256 * 1024;
  const workerUrl = options.workerUrl ?? new URL('./parseWorker.js', import.meta.url);

  return async (files, config) => {
    const totalBytes = files.reduce((sum, file) => sum + file.text.length, 0);
    if (threads <= 1 || files.length < minFiles || totalBytes < minBytes) return parseInThread(files, config);
    // Another worker only pays off with enough work for it; thresholds of 0 (tests) lift the limit.
    const filesPerWorker = Math.min(MIN_FILES_PER_WORKER, minFiles);
    const bytesPerWorker = Math.min(MIN_BYTES_PER_WORKER, minBytes);
    const workerCount = Math.min(
      threads,
      files.length,
      filesPerWorker > 0 ? Math.ceil(files.length / filesPerWorker) : Infinity,
      bytesPerWorker > 0 ? Math.ceil(totalBytes / bytesPerWorker) : Infinity,
    );
    if (workerCount < 2) return parseInThread(files, config);
    return parseInWorkers(files, config, workerCount, workerUrl, options.onFallback);
  };
}

/** Parses in the calling thread, in order. */
export async function parseInThread(files: SourceFile[], config: SpeclineConfig): Promise<FileResult[]> {
  const results: FileResult[] = [];
  for (const file of files) results.push(await parseFile(file.path, file.text, config));
  return results;
}

async function parseInWorkers(
  files: SourceFile[],
  config: SpeclineConfig,
  workerCount: number,
  workerUrl: URL,
  onFallback: ((reason: string) => void) | undefined,
): Promise<FileResult[]> {
  const chunks = splitIntoChunks(files, workerCount * CHUNKS_PER_WORKER);
  const results: Array<FileResult[] | undefined> = new Array(chunks.length);
  const pending = chunks.map((_, index) => index);
  const failed: number[] = [];
  const failures: string[] = [];
  const workerData: ParseWorkerData = { config: serializeConfig(config) };

  const workers: Worker[] = [];
  for (let i = 0; i < workerCount; i++) {
    try {
      workers.push(new Worker(workerUrl, { workerData }));
    } catch (error) {
      failures.push(String(error));
      break;
    }
  }

  const drive = async (worker: Worker): Promise<void> => {
    for (let index = pending.shift(); index !== undefined; index = pending.shift()) {
      try {
        const reply = await request(worker, { id: index, files: chunks[index]! });
        if ('error' in reply) throw new Error(reply.error);
        results[index] = reply.results;
      } catch (error) {
        // Give the chunk back for in-thread parsing; this worker is done.
        failed.push(index);
        failures.push(error instanceof Error ? error.message : String(error));
        return;
      }
    }
  };

  try {
    await Promise.all(workers.map(drive));
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate().catch(() => undefined)));
  }

  const leftover = [...failed, ...pending];
  if (leftover.length > 0) {
    onFallback?.(failures[0] ?? 'no worker could start');
    for (const index of leftover) results[index] = await parseInThread(chunks[index]!, config);
  }
  return results.flatMap((chunk) => chunk ?? []);
}

/** One round trip to a worker; rejects when it errors or exits instead of answering. */
function request(worker: Worker, message: ParseRequest): Promise<ParseReply> {
  return new Promise((resolve, reject) => {
    const cleanup = (): void => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    const onMessage = (reply: ParseReply): void => {
      if (reply.id !== message.id) return;
      cleanup();
      resolve(reply);
    };
    const onError = (error: Error): void => {
      cleanup();
      reject(error);
    };
    const onExit = (code: number): void => {
      cleanup();
      reject(new Error(`parse worker exited with code ${code}`));
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage(message);
  });
}

/** Consecutive chunks of about equal text size, at most `count` of them, order kept. */
export function splitIntoChunks(files: SourceFile[], count: number): SourceFile[][] {
  const total = files.reduce((sum, file) => sum + file.text.length, 0);
  const target = Math.max(1, Math.ceil(total / Math.max(1, count)));
  const chunks: SourceFile[][] = [];
  let current: SourceFile[] = [];
  let size = 0;
  for (const file of files) {
    current.push(file);
    size += file.text.length;
    if (size >= target) {
      chunks.push(current);
      current = [];
      size = 0;
    }
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
