/**
 * The messages between a Specline preview webview and the extension host, shared by both
 * sides so that they cannot drift apart. The webview is untrusted: every message it posts
 * goes through {@link parseWebviewMessage}, which returns `undefined` for anything that is
 * not exactly one of these shapes (extra keys are dropped, strings are length-capped).
 */

import { MAX_GHOST_MOVES, MAX_GHOST_WARNINGS } from '../model/limits.js';

/** The previews Specline draws in webviews. */
export type PreviewKind = 'gantt' | 'roadmap' | 'matrix';

/** Host → webview. */
export type HostMessage =
  | {
      type: 'render';
      /** Increases with every render of this panel; the webview drops anything older than what it shows. */
      generation: number;
      /** Toolbar markup (escaped by the host). Unchanged toolbars are not re-rendered. */
      toolbar: string;
      /** Body markup (escaped by the host). */
      html: string;
      /** The view's options, kept by the webview (`setState`) so the panel survives a reload. */
      state: unknown;
      /** `data-id` of the element to mark as selected, if any. */
      selected?: string;
      /** Set when the horizontal scale changed, so the webview keeps the same dates in view. */
      rescale?: boolean;
      /** More of this render follows as `patch` messages (a large render sent in chunks). */
      chunk?: boolean;
    }
  | {
      /**
       * Changes some blocks of what the webview shows (see `renderSync.ts`): `keys` is the
       * complete ordered list of `data-block` keys afterwards, `blocks` the markup of those
       * that are new or changed; the others stay in the page as they are. A webview that
       * cannot find a block it should keep posts `ready` to get a whole render.
       */
      type: 'patch';
      generation: number;
      toolbar: string;
      keys: string[];
      blocks: { key: string; html: string }[];
      state: unknown;
      selected?: string;
      /** More of the same render follows (a large render sent in chunks). */
      chunk?: boolean;
    }
  | { type: 'highlight'; id: string | null; reveal: boolean }
  | GhostReply
  | { type: 'rasterize'; requestId: number; svg: string; width: number; height: number; scale: number };

/**
 * One item a drag would move, as the scheduler would compute it after the drop: its new
 * first and last day (day numbers, as the chart's `data-start-day` and `data-end-day`) and
 * its working days (0 for a milestone).
 */
export interface GhostMove {
  id: string;
  start: number;
  end: number;
  days: number;
}

/**
 * Host → webview: what the drag the webview asked about (`for`: the request's `seq`) would
 * move, at most `MAX_GHOST_MOVES` items (the dragged one first), `more` the count of the
 * rest, and what it would break (a missed milestone, a violated dependency).
 */
export interface GhostReply {
  type: 'ghost';
  generation: number;
  for: number;
  moves: GhostMove[];
  more: number;
  warnings: string[];
}

/**
 * A change made on the Gantt chart (see `core/edit/chartGesture.ts`): a bar or milestone
 * moved by some days, a bar's end moved, or a drag from one bar onto another (`to` then
 * comes after `from`).
 */
export type ChartGesture =
  | { kind: 'move'; id: string; days: number }
  | { kind: 'resize'; id: string; days: number }
  | { kind: 'link'; from: string; to: string }
  /** The progress handle dragged (or `[`/`]` on a focused bar): the new percentage, 0–100. */
  | { kind: 'progress'; id: string; percent: number }
  /** A title renamed in place (double-click or F2). */
  | { kind: 'rename'; id: string; title: string };

/** The gestures that move dates, which a ghost previews. */
export type GhostGesture = Extract<ChartGesture, { kind: 'move' | 'resize' | 'link' }>;

/** Webview → host. */
export type WebviewMessage =
  /** `generation`: the render the user acted on; a chart redrawn since is not edited. */
  | { type: 'gesture'; generation: number; gesture: ChartGesture }
  /** A drag in progress: what would its drop move? `seq` increases with every request of the page. */
  | { type: 'ghost'; generation: number; seq: number; gesture: GhostGesture }
  | { type: 'ready'; state?: unknown }
  | { type: 'reveal'; file: string; line: number; id?: string }
  | { type: 'option'; key: string; value: string }
  | { type: 'toggle'; key: string }
  | { type: 'command'; command: string; arg?: string }
  | { type: 'png'; requestId: number; data?: string; error?: string };

/** Longest string accepted from a webview in a key or value field. */
const MAX_FIELD = 500;
/** Largest PNG accepted, as base64 (about 60 MB of image). */
const MAX_PNG = 80_000_000;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown, max = MAX_FIELD): string | undefined => (typeof v === 'string' && v.length <= max ? v : undefined);
const int = (v: unknown, min: number, max: number): number | undefined =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max ? v : undefined;

/**
 * Validates a message from a webview. Anything unexpected (wrong type, missing or
 * oversized fields, non-integer lines) yields `undefined` and is ignored by the host.
 */
export function parseWebviewMessage(raw: unknown): WebviewMessage | undefined {
  if (!isRecord(raw)) return undefined;
  switch (raw.type) {
    case 'ready':
      return raw.state === undefined ? { type: 'ready' } : { type: 'ready', state: raw.state };
    case 'reveal': {
      const file = str(raw.file, 4096);
      const line = int(raw.line, 0, 10_000_000);
      if (file === undefined || line === undefined) return undefined;
      const id = raw.id === undefined ? undefined : str(raw.id, 200);
      if (raw.id !== undefined && id === undefined) return undefined;
      return id === undefined ? { type: 'reveal', file, line } : { type: 'reveal', file, line, id };
    }
    case 'option': {
      const key = str(raw.key, 100);
      const value = str(raw.value);
      return key === undefined || value === undefined ? undefined : { type: 'option', key, value };
    }
    case 'toggle': {
      const key = str(raw.key);
      return key === undefined ? undefined : { type: 'toggle', key };
    }
    case 'command': {
      const command = str(raw.command, 100);
      if (command === undefined) return undefined;
      if (raw.arg === undefined) return { type: 'command', command };
      const arg = str(raw.arg);
      return arg === undefined ? undefined : { type: 'command', command, arg };
    }
    case 'png': {
      const requestId = int(raw.requestId, 0, Number.MAX_SAFE_INTEGER);
      if (requestId === undefined) return undefined;
      const data = raw.data === undefined ? undefined : str(raw.data, MAX_PNG);
      const error = raw.error === undefined ? undefined : str(raw.error);
      if (data !== undefined && !/^[A-Za-z0-9+/]*={0,2}$/.test(data)) return undefined;
      return { type: 'png', requestId, ...(data === undefined ? {} : { data }), ...(error === undefined ? {} : { error }) };
    }
    case 'gesture': {
      const generation = int(raw.generation, 0, Number.MAX_SAFE_INTEGER);
      const gesture = parseGesture(raw.gesture);
      return generation === undefined || gesture === undefined ? undefined : { type: 'gesture', generation, gesture };
    }
    case 'ghost': {
      const generation = int(raw.generation, 0, Number.MAX_SAFE_INTEGER);
      const seq = int(raw.seq, 0, Number.MAX_SAFE_INTEGER);
      const gesture = parseGesture(raw.gesture);
      if (generation === undefined || seq === undefined || gesture === undefined) return undefined;
      return gesture.kind === 'move' || gesture.kind === 'resize' || gesture.kind === 'link' ? { type: 'ghost', generation, seq, gesture } : undefined;
    }
    default:
      return undefined;
  }
}

/** Day numbers a ghost may name: 1900-01-01 to 2200-01-01, far beyond any plan. */
const MIN_DAY = -25_567;
const MAX_DAY = 84_006;

/**
 * Validates a `ghost` reply in the webview, as strictly as the host validates what the
 * webview posts: anything but exactly that shape, within its bounds, yields `undefined`.
 */
export function parseGhostReply(raw: unknown): GhostReply | undefined {
  if (!isRecord(raw) || raw.type !== 'ghost') return undefined;
  const generation = int(raw.generation, 0, Number.MAX_SAFE_INTEGER);
  const seq = int(raw.for, 0, Number.MAX_SAFE_INTEGER);
  const more = int(raw.more, 0, Number.MAX_SAFE_INTEGER);
  if (generation === undefined || seq === undefined || more === undefined) return undefined;
  if (!Array.isArray(raw.moves) || raw.moves.length > MAX_GHOST_MOVES || !Array.isArray(raw.warnings) || raw.warnings.length > MAX_GHOST_WARNINGS + 1) return undefined;
  const moves: GhostMove[] = [];
  for (const m of raw.moves as unknown[]) {
    if (!isRecord(m)) return undefined;
    const id = str(m.id, 200);
    const start = int(m.start, MIN_DAY, MAX_DAY);
    const end = int(m.end, MIN_DAY, MAX_DAY);
    const days = int(m.days, 0, MAX_DAY - MIN_DAY);
    if (id === undefined || start === undefined || end === undefined || days === undefined || end < start) return undefined;
    moves.push({ id, start, end, days });
  }
  const warnings: string[] = [];
  for (const w of raw.warnings as unknown[]) {
    const text = str(w);
    if (text === undefined) return undefined;
    warnings.push(text);
  }
  return { type: 'ghost', generation, for: seq, moves, more, warnings };
}

/** A gesture from the webview, or undefined; a move of more than a century is no gesture. */
function parseGesture(raw: unknown): ChartGesture | undefined {
  if (!isRecord(raw)) return undefined;
  if (raw.kind === 'link') {
    const from = str(raw.from, 200);
    const to = str(raw.to, 200);
    return from === undefined || to === undefined ? undefined : { kind: 'link', from, to };
  }
  if (raw.kind === 'progress' || raw.kind === 'rename') {
    const id = str(raw.id, 200);
    if (id === undefined) return undefined;
    if (raw.kind === 'rename') {
      const title = str(raw.title);
      return title === undefined ? undefined : { kind: 'rename', id, title };
    }
    const percent = int(raw.percent, 0, 100);
    return percent === undefined ? undefined : { kind: 'progress', id, percent };
  }
  if (raw.kind !== 'move' && raw.kind !== 'resize') return undefined;
  const id = str(raw.id, 200);
  const days = int(raw.days, -36_500, 36_500);
  return id === undefined || days === undefined || days === 0 ? undefined : { kind: raw.kind, id, days };
}
