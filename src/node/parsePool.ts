/**
 * Parses a batch of files on every core with `node:worker_threads`: `threads - 1`
 * workers, and the main thread too.
 *
 * Bundling: the worker is a second entry point, not the CLI bundle re-entered, so a
 * worker loads only the parser (not the renderers and the CLI) and starts faster. The pool
 * looks for it at `./parseWorker.js` next to its own module, which holds both for tsc
 * output (`out/src/node/`) and for the bundle (`dist/`). `scripts/bundle.mjs` builds the
 * worker as an ES module with a `createRequire` banner (`yaml` and `picomatch` are
 * CommonJS and `require` Node built-ins), and the CLI as CommonJS (`dist/cli-main.cjs`,
 * loaded with its code cache by `dist/cli.js`) whose `import.meta.url` is its own file
 * URL, so both find `./parseWorker.js` beside them.
 *
 * Small batches parse in the main thread only: starting a worker, loading the Markdown
 * parser and warming its JIT costs more than parsing a few hundred files. If
 * workers cannot start (the worker file is missing from a bundle, a sandbox forbids
 * threads) or one fails, the main thread parses their share, so the result never depends
 * on whether threads worked.
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { serializeConfig } from '../core/config/loadConfig.js';
import type { SpeclineConfig } from '../core/model/configTypes.js';
import type { FilePath, FileResult } from '../core/model/types.js';
import { parseFile } from '../core/parse/parseFile.js';
import type { BatchParser } from '../core/workspace/types.js';
import type { ParseReply, ParseRequest, ParseWorkerData } from './parseWorker.js';

export type SourceFile = { path: FilePath; text: string };


export interface ParsePoolOptions {
  /** Threads to parse on, the main thread included; default `os.availableParallelism()`. 1 or less: no workers. */
  threads?: number;
  /** Batches with fewer files than this parse in-thread. Default 64. */
  minFiles?: number;
  /** Batches with less text than this (UTF-16 units, about bytes) parse in-thread. Default 256 KiB. */
  minBytes?: number;
  /** Least text (UTF-16 units) per thread: fewer threads start when there is less. Default 32 MiB. */
  bytesPerThread?: number;
  /** The worker script; default `./parseWorker.js` next to this module. */
  workerUrl?: URL;
  /** Told when workers fail and the pool falls back to parsing in-thread. */
  onFallback?: (reason: string) => void;
  /** Told who parsed each chunk (for tests and diagnostics). */
  onChunk?: (by: 'worker' | 'main', files: number) => void;
}

/**
 * Text per thread below which another worker is not worth starting. Measured: a worker
 * starts cold, and the parser runs about 4× slower until the JIT has warmed up (the first
 * ~150 plan files: 3.5 s cold, 0.7 s warm, for 600 KB), so each thread adds a fixed cost
 * of the order of a second of CPU. Since the parser reads most plan blocks without
 * micromark (about 6 MB/s warm), a thread needs several MB of text to earn that back in
 * wall time: measured on 2 idle cores, 3.9 MB parse faster on one thread (2.2 s against
 * 2.8 s) and 19.9 MB only slightly faster on two (7.6 s against 8.0 s). In CPU time a
 * worker never earns it back at that size, since its results are also copied back to the
 * main thread: a cold check of 19.9 MB took 8.5 s of CPU on one thread and 11.3 s on two
 * (and no less wall time on 2 cores shared with other work). So a worker starts only for
 * 32 MiB of text per thread, where its wall-time gain is worth the extra CPU.
 */
const BYTES_PER_THREAD = 32 * 1024 * 1024;
/** Chunks per thread: more chunks balance uneven files better, fewer save messages. */
const CHUNKS_PER_THREAD = 4;

/** Creates a batch parser that spreads large batches over worker threads. */
export function createParsePool(options: ParsePoolOptions = {}): BatchParser {
  const threads = options.threads ?? availableParallelism();
  const minFiles = options.minFiles ?? 64;
  const minBytes = options.minBytes ?? 256 * 1024;
  const bytesPerThread = options.bytesPerThread ?? BYTES_PER_THREAD;
  const workerUrl = options.workerUrl ?? new URL('./parseWorker.js', import.meta.url);

  return async (files, config) => {
    const totalBytes = files.reduce((sum, file) => sum + file.text.length, 0);
    if (threads <= 1 || files.length < minFiles || totalBytes < minBytes) return parseInThread(files, config);
    // The main thread parses too, so `threads` means workers + 1.
    const threadCount = Math.min(threads, files.length, bytesPerThread > 0 ? Math.ceil(totalBytes / bytesPerThread) : Infinity);
    if (threadCount < 2) return parseInThread(files, config);
    return parseInWorkers(files, config, threadCount - 1, workerUrl, options);
  };
}

/** Parses in the calling thread, in order. */
export function parseInThread(files: SourceFile[], config: SpeclineConfig): FileResult[] {
  const results: FileResult[] = [];
  for (const file of files) results.push(parseFile(file.path, file.text, config));
  return results;
}

/**
 * Workers and the main thread take chunks from one queue until it is empty. The main
 * thread's share covers the workers' start-up (loading the parser takes a few hundred
 * milliseconds), and a worker that fails hands its chunk back, so the queue is always
 * drained: by the main thread alone if no worker starts at all.
 */
async function parseInWorkers(
  files: SourceFile[],
  config: SpeclineConfig,
  workerCount: number,
  workerUrl: URL,
  { onFallback, onChunk }: Pick<ParsePoolOptions, 'onFallback' | 'onChunk'>,
): Promise<FileResult[]> {
  const chunks = splitIntoChunks(files, (workerCount + 1) * CHUNKS_PER_THREAD);
  const results: Array<FileResult[] | undefined> = new Array(chunks.length);
  const pending = chunks.map((_, index) => index);
  const failures: string[] = [];
  const workerData: ParseWorkerData = { config: serializeConfig(config) };

  const workers: Worker[] = [];
  for (let i = 0; i < workerCount; i++) {
    try {
      // `node:worker_threads` is loaded only when workers start: most checks never start one.
      const { Worker: WorkerThread } = process.getBuiltinModule('node:worker_threads');
      workers.push(new WorkerThread(workerUrl, { workerData }));
    } catch (error) {
      failures.push(error instanceof Error ? error.message : String(error));
      break;
    }
  }

  const driveWorker = async (worker: Worker): Promise<void> => {
    for (let index = pending.shift(); index !== undefined; index = pending.shift()) {
      try {
        const reply = await request(worker, { id: index, files: chunks[index]! });
        if ('error' in reply) throw new Error(reply.error);
        results[index] = reply.results;
        onChunk?.('worker', reply.results.length);
      } catch (error) {
        pending.push(index); // someone else parses it; this worker is done
        failures.push(error instanceof Error ? error.message : String(error));
        return;
      }
    }
  };

  const driveMain = async (): Promise<void> => {
    for (let index = pending.shift(); index !== undefined; index = pending.shift()) {
      const out: FileResult[] = [];
      for (const file of chunks[index]!) {
        out.push(parseFile(file.path, file.text, config));
        // Let worker replies in between files, so an idle worker gets its next chunk at once.
        await new Promise((resolve) => setImmediate(resolve));
      }
      results[index] = out;
      onChunk?.('main', out.length);
    }
  };

  try {
    // Workers first: their first chunks are posted before the main thread takes one.
    const running = workers.map(driveWorker);
    await Promise.all([...running, driveMain()]);
    // A worker that failed after the main thread finished left its chunk in the queue.
    await driveMain();
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate().catch(() => undefined)));
  }
  if (failures.length > 0) onFallback?.(failures[0]!);
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
