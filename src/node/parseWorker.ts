/**
 * Worker-thread entry of the parse pool (see `parsePool.ts`). Bundled as its own entry,
 * `dist/parseWorker.js`, next to `dist/cli.js`; compiled by tsc to
 * `out/src/node/parseWorker.js`, next to `parsePool.js`. Either way the pool finds it at
 * `./parseWorker.js` relative to its own module.
 *
 * The worker receives the config once, as plain data in `workerData`, then answers
 * `{ id, files }` requests with `{ id, results }` or `{ id, error }` until terminated.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { deserializeConfig } from '../core/config/loadConfig.js';
import type { SpeclineConfig } from '../core/model/configTypes.js';
import { parseFile } from '../core/parse/parseFile.js';
import type { FilePath, FileResult } from '../core/model/types.js';

export interface ParseRequest {
  id: number;
  files: Array<{ path: FilePath; text: string }>;
}

export type ParseReply =
  | { id: number; results: FileResult[] }
  | { id: number; error: string };

export interface ParseWorkerData {
  /** `serializeConfig(config)`: the config's Maps as entry arrays. */
  config: unknown;
}

/** Parses one request; never throws (a failure becomes an `error` reply the pool retries in-thread). */
export function answerParseRequest(request: ParseRequest, config: SpeclineConfig): ParseReply {
  try {
    const results: FileResult[] = [];
    for (const file of request.files) results.push(parseFile(file.path, file.text, config));
    return { id: request.id, results };
  } catch (error) {
    return { id: request.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}

if (!isMainThread && parentPort) {
  const port = parentPort;
  const config = deserializeConfig((workerData as ParseWorkerData).config);
  port.on('message', (request: ParseRequest) => {
    port.postMessage(answerParseRequest(request, config));
  });
}
