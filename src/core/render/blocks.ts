/**
 * View markup split into keyed blocks: a frame with one marker, and the blocks that go
 * there. A panel that knows what it sent last can then send only the blocks an edit
 * changed (`RenderSync`), and a large first render can arrive in chunks, so the webview
 * parses a few kilobytes per keystroke instead of megabytes.
 */
import { escapeXml } from './xml.js';

/** Where the blocks go in a frame. It must be the only content of its parent element. */
export const BLOCKS_MARKER = '<!--sl-blocks-->';

/** One block: its root element carries `data-block="<key>"` ({@link blockAttr}). */
export interface ViewBlock {
  readonly key: string;
  readonly html: string;
}

/** Markup as a frame and the blocks that fill its marker, in order. Keys are unique. */
export interface BlockedMarkup {
  readonly frame: string;
  readonly blocks: readonly ViewBlock[];
}

/** The attribute that names a block's root element (key escaped). */
export function blockAttr(key: string): string {
  return ` data-block="${escapeXml(key)}"`;
}

/** The whole markup: the frame with the blocks in place of its marker. */
export function joinBlocks(markup: BlockedMarkup): string {
  const at = markup.frame.indexOf(BLOCKS_MARKER);
  if (at < 0) return markup.frame;
  // Sliced, not String.replace: a `$&` in user text must not be read as a pattern.
  return markup.frame.slice(0, at) + markup.blocks.map((b) => b.html).join('') + markup.frame.slice(at + BLOCKS_MARKER.length);
}

/** A frame that is only the marker, inside the given opening and closing markup. */
export function frameAround(open: string, close: string): string {
  return `${open}${BLOCKS_MARKER}${close}`;
}
