/**
 * What a preview panel sends to bring its webview from what it showed to a new render.
 * Pure: the panel feeds it each render and posts what comes back, in order.
 *
 *  - Markup without blocks goes whole, as before (`full`), unless it is unchanged.
 *  - Blocked markup ({@link BlockedMarkup}) whose frame is unchanged goes as a `patch`:
 *    the complete list of keys and only the blocks that are new or changed. An edit to
 *    one plan changes one lane of a 480-lane roadmap; the webview re-parses that lane.
 *  - A first render, a new frame, or a patch that would carry most of the markup anyway
 *    goes as a `full` render of the frame and the first blocks, followed by `patch`es
 *    that append the rest in chunks: the webview paints the top of the view after a
 *    fraction of the parse, and the rest arrives while the user looks at it.
 */
import type { BlockedMarkup, ViewBlock } from '../render/blocks.js';
import { BLOCKS_MARKER, joinBlocks } from '../render/blocks.js';
import type { HostMessage } from './protocol.js';

/** One message body to send: a whole render, or a keyed patch of the blocks. */
export type SyncStep =
  | {
      kind: 'full';
      html: string;
      /** More of this render follows as patches (a large render sent in chunks). */
      chunk?: true;
    }
  | {
      kind: 'patch';
      keys: string[];
      blocks: ViewBlock[];
      /** Set on every step of a chunked render but its last: more of this render follows. */
      chunk?: true;
    };

/** Markup of a render: toolbar, the whole body, and its blocks when the view has them. */
export interface SyncInput {
  toolbar: string;
  html: string;
  blocks?: BlockedMarkup;
}

export interface RenderSyncOptions {
  /** Blocks in the first, full message, up to about this many characters (at least one block). */
  firstChunk?: number;
  /** Blocks per following patch, up to about this many characters. */
  chunk?: number;
  /** A patch carrying more than this share of the markup is sent as a fresh render instead. */
  patchShare?: number;
}

const DEFAULTS: Required<RenderSyncOptions> = { firstChunk: 64 * 1024, chunk: 512 * 1024, patchShare: 0.5 };

export class RenderSync {
  private readonly options: Required<RenderSyncOptions>;
  /** The frame and blocks the webview has been sent, in order; undefined after a full render without blocks. */
  private frame: string | undefined;
  private sent = new Map<string, string>();
  private keys: string[] = [];
  /** The last markup sent whole (views without blocks), to drop identical renders. */
  private lastHtml: string | undefined;
  private lastToolbar: string | undefined;

  constructor(options: RenderSyncOptions = {}) {
    this.options = { ...DEFAULTS, ...options };
  }

  /** The webview was (re)loaded and shows nothing: the next render goes whole. */
  reset(): void {
    this.frame = undefined;
    this.sent = new Map();
    this.keys = [];
    this.lastHtml = undefined;
    this.lastToolbar = undefined;
  }

  /**
   * The steps from what was sent to `next`, in order; empty when the webview already shows
   * it. A changed toolbar alone is one step that changes no block.
   */
  next(next: SyncInput): SyncStep[] {
    const toolbarChanged = next.toolbar !== this.lastToolbar;
    const steps = this.markup(next);
    this.lastToolbar = next.toolbar;
    if (steps.length > 0 || !toolbarChanged) return steps;
    return this.frame === undefined ? [{ kind: 'full', html: next.html }] : [{ kind: 'patch', keys: [...this.keys], blocks: [] }];
  }

  private markup(next: SyncInput): SyncStep[] {
    const blocks = next.blocks;
    if (!blocks || !usable(blocks)) {
      if (next.html === this.lastHtml) return [];
      this.frame = undefined;
      this.sent = new Map();
      this.keys = [];
      this.lastHtml = next.html;
      return [{ kind: 'full', html: next.html }];
    }
    this.lastHtml = undefined;
    if (blocks.frame === this.frame) {
      // The size of the whole from its parts: `html` may be joined only on demand.
      let total = blocks.frame.length;
      for (const b of blocks.blocks) total += b.html.length;
      const patch = this.patch(blocks.blocks, total);
      if (patch) return patch;
    }
    return this.chunked(blocks);
  }

  /** The patch to the new blocks, `[]` if nothing changed, undefined if a fresh render is better. */
  private patch(blocks: readonly ViewBlock[], total: number): SyncStep[] | undefined {
    const changed: ViewBlock[] = [];
    let size = 0;
    for (const b of blocks) {
      if (this.sent.get(b.key) === b.html) continue;
      changed.push(b);
      size += b.html.length;
    }
    const keys = blocks.map((b) => b.key);
    if (changed.length === 0 && sameList(keys, this.keys)) return [];
    if (size > total * this.options.patchShare) return undefined;
    this.remember(blocks);
    return [{ kind: 'patch', keys, blocks: changed }];
  }

  /** The frame with the first blocks, then patches appending the rest. */
  private chunked(markup: BlockedMarkup): SyncStep[] {
    const all = markup.blocks;
    let first = 0;
    let size = 0;
    while (first < all.length && (first === 0 || size + all[first].html.length <= this.options.firstChunk)) size += all[first++].html.length;
    const html = joinBlocks({ frame: markup.frame, blocks: all.slice(0, first) });
    const steps: SyncStep[] = [first < all.length ? { kind: 'full', html, chunk: true } : { kind: 'full', html }];
    let end = first;
    while (end < all.length) {
      const start = end;
      size = 0;
      while (end < all.length && (end === start || size + all[end].html.length <= this.options.chunk)) size += all[end++].html.length;
      steps.push({ kind: 'patch', keys: all.slice(0, end).map((b) => b.key), blocks: all.slice(start, end), ...(end < all.length ? { chunk: true as const } : {}) });
    }
    this.frame = markup.frame;
    this.remember(all);
    return steps;
  }

  private remember(blocks: readonly ViewBlock[]): void {
    this.sent = new Map(blocks.map((b) => [b.key, b.html]));
    this.keys = blocks.map((b) => b.key);
  }
}

/** Blocks can be patched only with one marker to put them at and unique keys to find them by. */
function usable(markup: BlockedMarkup): boolean {
  if (markup.blocks.length === 0) return false;
  const at = markup.frame.indexOf(BLOCKS_MARKER);
  if (at < 0 || markup.frame.indexOf(BLOCKS_MARKER, at + 1) >= 0) return false;
  return new Set(markup.blocks.map((b) => b.key)).size === markup.blocks.length;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** What every content message of one render carries besides its step. */
export interface StepContext {
  generation: number;
  toolbar: string;
  state: unknown;
  selected?: string | null;
  /** Only on a whole render: the horizontal scale changed. */
  rescale?: boolean;
}

/** The host message for one step (the panel, the browser tests and the benchmark all post these). */
export function stepMessage(step: SyncStep, context: StepContext): HostMessage {
  const { generation, toolbar, state } = context;
  const selected = context.selected ? { selected: context.selected } : {};
  const chunk = step.chunk ? { chunk: true } : {};
  return step.kind === 'full'
    ? { type: 'render', generation, toolbar, html: step.html, state, ...selected, ...(context.rescale ? { rescale: true } : {}), ...chunk }
    : { type: 'patch', generation, toolbar, keys: step.keys, blocks: step.blocks, state, ...selected, ...chunk };
}
