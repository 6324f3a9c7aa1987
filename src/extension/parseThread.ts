/**
 * Worker-thread entry that parses large files for the extension host (see
 * `parseThreadClient.ts`). Bundled as its own CommonJS entry, `dist/parseThread.cjs`,
 * next to `dist/extension.cjs`.
 *
 * A request carries the config (as plain data) when it changed, and one file. The result
 * goes back in several messages: every long list of the parse result (items, references,
 * diagnostics…) in pieces of {@link PIECE} entries, then the rest. The next piece is sent
 * only when the host has acknowledged the last one: Node hands a port's queued messages
 * over in one task, so pieces sent at once would be copied in at once, and a 4 MB result
 * would hold the host for a hundred milliseconds after all.
 */
import { parentPort } from 'node:worker_threads';
import { deserializeConfig } from '../core/config/loadConfig.js';
import type { SpeclineConfig } from '../core/model/configTypes.js';
import type { FilePath, FileResult } from '../core/model/types.js';
import { parseFile } from '../core/parse/parseFile.js';

/** Entries per message: a piece of 250 items copies in a few milliseconds. */
export const PIECE = 100;

/** The host has taken in the last message for request `ack`: send the next. */
export interface ThreadAck {
  ack: number;
}

export interface ThreadRequest {
  id: number;
  /** `serializeConfig(config)`, sent when it changed since the last request. */
  config?: unknown;
  path: FilePath;
  text: string;
}

export type ThreadReply =
  | { id: number; key: string; piece: unknown[] }
  | { id: number; result: FileResult }
  | { id: number; error: string };

if (parentPort) {
  const port = parentPort;
  let config: SpeclineConfig | undefined;
  const outbox = new Map<number, ThreadReply[]>();
  const sendNext = (id: number): void => {
    const queue = outbox.get(id);
    const next = queue?.shift();
    if (queue && queue.length === 0) outbox.delete(id);
    if (next) port.postMessage(next);
  };
  port.on('message', (message: ThreadRequest | ThreadAck) => {
    if ('ack' in message) {
      sendNext(message.ack);
      return;
    }
    const request = message;
    const replies: ThreadReply[] = [];
    try {
      if (request.config !== undefined) config = deserializeConfig(request.config);
      if (!config) throw new Error('no config received');
      const result = parseFile(request.path, request.text, config) as unknown as Record<string, unknown>;
      const rest: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(result)) {
        if (!Array.isArray(value) || value.length <= PIECE) {
          rest[key] = value;
          continue;
        }
        for (let i = 0; i < value.length; i += PIECE) replies.push({ id: request.id, key, piece: value.slice(i, i + PIECE) });
        rest[key] = [];
      }
      replies.push({ id: request.id, result: rest as unknown as FileResult });
    } catch (error) {
      replies.length = 0;
      replies.push({ id: request.id, error: error instanceof Error ? error.stack ?? error.message : String(error) });
    }
    outbox.set(request.id, replies);
    sendNext(request.id);
  });
}
