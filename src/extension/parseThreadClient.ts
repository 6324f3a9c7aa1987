import { Worker } from 'node:worker_threads';
import { serializeConfig } from '../core/config/loadConfig.js';
import type { SpeclineConfig } from '../core/model/configTypes.js';
import { SLICE_MS } from '../core/live/slices.js';
import type { SliceHost } from '../core/live/slices.js';
import type { FilePath, FileResult } from '../core/model/types.js';
import { parseFile } from '../core/parse/parseFile.js';
import { hasStructureProblems } from '../core/parse/structureBounds.js';
import type { BatchParser } from '../core/workspace/types.js';
import type { ThreadAck, ThreadReply, ThreadRequest } from './parseThread.js';

/**
 * Files at least this long (UTF-16 units) are parsed on the parse thread: a plan of a few
 * thousand table rows takes 100–300 ms to parse, which would hold the extension host. Below
 * it a file parses in about a millisecond, cheaper than the copy to and from the thread.
 */
export const THREAD_MIN_CHARS = 24 * 1024;

/**
 * Smaller files go to the thread too from this length when their structure makes the
 * parse costly (see `hasStructureProblems`: a 20 KB ten-thousand-deep list held the host
 * for over 100 ms before its first warm-up). Checking is a linear scan, well under a
 * millisecond at {@link THREAD_MIN_CHARS}.
 */
export const THREAD_MIN_COSTLY_CHARS = 2 * 1024;

/** Whether a file is parsed on the parse thread rather than on the host: its length, or its cost. */
export function parsesOnThread(text: string): boolean {
  if (text.length >= THREAD_MIN_CHARS) return true;
  return text.length >= THREAD_MIN_COSTLY_CHARS && hasStructureProblems(text);
}

export interface ThreadParser {
  parse: BatchParser;
  dispose(): void;
}

/**
 * A batch parser for the extension host: large files go to one long-lived worker thread
 * (warm after its first file), small ones are parsed here, yielding to the host between
 * slices. If the thread cannot start or fails, the host parses that file itself, so
 * results never depend on whether threads worked; `onFallback` says why.
 */
export function createThreadParser(workerPath: string, host: SliceHost, onFallback: (reason: string) => void): ThreadParser {
  let worker: Worker | undefined;
  let broken = false;
  let nextId = 1;
  let sentConfig: SpeclineConfig | undefined;
  const waiting = new Map<number, { parts: Map<string, unknown[]>; resolve: (r: FileResult) => void; reject: (e: Error) => void }>();

  const fail = (reason: string): void => {
    if (!broken) onFallback(reason);
    broken = true;
    for (const w of waiting.values()) w.reject(new Error(reason));
    waiting.clear();
    void worker?.terminate();
    worker = undefined;
  };

  const start = (): Worker | undefined => {
    if (broken) return undefined;
    if (worker) return worker;
    try {
      const w = new Worker(workerPath);
      w.unref();
      w.on('message', (reply: ThreadReply) => {
        const entry = waiting.get(reply.id);
        if (!entry) return;
        if ('piece' in reply) {
          const list = entry.parts.get(reply.key);
          // A loop, not push(...piece): the pieces are small, but stay clear of the argument limit.
          if (list) for (const x of reply.piece) list.push(x);
          else entry.parts.set(reply.key, reply.piece);
          // Acknowledged after the host's other work: Node takes in a port's messages while
          // any are waiting, so an answer within the same turn would be read in that turn
          // too, and the whole result would again be copied in at one stretch.
          void host.yieldToHost().then(() => w.postMessage({ ack: reply.id } satisfies ThreadAck));
          return;
        }
        waiting.delete(reply.id);
        if ('error' in reply) {
          entry.reject(new Error(reply.error));
          return;
        }
        const result = reply.result as unknown as Record<string, unknown>;
        for (const [key, list] of entry.parts) result[key] = list;
        entry.resolve(reply.result);
      });
      w.on('error', (error) => fail(`the parse thread failed: ${error.message}`));
      w.on('exit', (code) => { if (worker === w) fail(`the parse thread exited (code ${code})`); });
      worker = w;
      sentConfig = undefined;
      return w;
    } catch (error) {
      fail(`the parse thread could not start: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  };

  const onThread = async (path: FilePath, text: string, config: SpeclineConfig): Promise<FileResult> => {
    const w = start();
    if (!w) return parseFile(path, text, config);
    const id = nextId++;
    const request: ThreadRequest = { id, path, text };
    if (sentConfig !== config) {
      request.config = serializeConfig(config);
      sentConfig = config;
    }
    try {
      return await new Promise<FileResult>((resolve, reject) => {
        waiting.set(id, { parts: new Map(), resolve, reject });
        w.postMessage(request);
      });
    } catch (error) {
      // A parser error is a bug that the host would hit too: say so once, then parse here.
      if (!broken) onFallback(`the parse thread could not parse ${path}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
      return parseFile(path, text, config);
    }
  };

  const parse: BatchParser = async (files, config) => {
    const out = new Array<FileResult>(files.length);
    const large: Array<Promise<void>> = [];
    let slice = host.now();
    for (let i = 0; i < files.length; i++) {
      const f = files[i]!;
      if (!broken && parsesOnThread(f.text)) {
        large.push(onThread(f.path, f.text, config).then((r) => { out[i] = r; }));
        continue;
      }
      out[i] = parseFile(f.path, f.text, config);
      if (host.now() - slice >= SLICE_MS) {
        await host.yieldToHost();
        slice = host.now();
      }
    }
    await Promise.all(large);
    return out;
  };

  return {
    parse,
    dispose: () => {
      broken = true;
      for (const w of waiting.values()) w.reject(new Error('disposed'));
      waiting.clear();
      void worker?.terminate();
      worker = undefined;
    },
  };
}
