import type * as vscode from 'vscode';
import type { Analysis } from '../../core/analysis/types.js';
import type { FilePath } from '../../core/model/types.js';
import type { BlockedMarkup } from '../../core/render/blocks.js';
import type { GhostPreview } from '../../core/edit/ghostPreview.js';
import type { ChartGesture, GhostGesture, PreviewKind } from '../../core/views/protocol.js';
import type { FolderIndex } from '../indexService.js';

/** What a view renders from: one folder's analysis, and the editor the panel follows. */
export interface RenderContext {
  analysis: Analysis;
  folder: FolderIndex;
  /** Workspace-relative path of the Markdown editor last active in this folder, if any. */
  activePath?: FilePath;
}

/** A rendered view: escaped toolbar and body markup, and numbers tests and the API can read. */
export interface RenderResult {
  toolbar: string;
  html: string;
  /** `html` as keyed blocks, when the view has them: edits then send only changed blocks. */
  blocks?: BlockedMarkup;
  /** Panel title (user text allowed: VS Code shows it as text). */
  title: string;
  /** What is on screen, e.g. `{ bars: 44, unscheduled: 2 }`. */
  counts: Record<string, number>;
}

/** Services a view's commands (exports) may use. */
export interface CommandContext<O> {
  render: RenderContext;
  options: O;
  /** Draws an SVG to PNG in the webview (the extension host has no canvas). */
  rasterize(svg: string, width: number, height: number, scale: number): Promise<Uint8Array>;
  /** Asks where to save (defaulting to the folder), then writes; undefined when cancelled. */
  save(defaultName: string, filters: Record<string, string[]>, content: string | Uint8Array): Promise<vscode.Uri | undefined>;
}

/**
 * One kind of preview. A view is stateless: its options (filters, zoom, collapsed
 * sections…) live in the panel, are validated here on every change, and are persisted
 * by the webview so a reloaded window restores them.
 */
export interface PreviewView<O> {
  readonly kind: PreviewKind;
  /** The webview panel type, also the serializer's key (`specline.preview.gantt`). */
  readonly viewType: string;
  /** The command that opens it. */
  readonly command: string;
  /** Static CSS of ours placed inline in the page. */
  readonly inlineCss?: string;
  /** The page may load the bundled mermaid (for views that draw with it). */
  readonly usesMermaid?: boolean;
  defaults(): O;
  /** Options from persisted state; anything invalid falls back to the defaults. */
  restore(raw: unknown): O;
  /** Options after a toolbar change, or undefined to ignore an invalid change. */
  option(options: O, key: string, value: string): O | undefined;
  /** Options after a section was collapsed or expanded. */
  toggle?(options: O, key: string): O | undefined;
  render(context: RenderContext, options: O): RenderResult;
  /** Runs a toolbar command; returns new options when the command changed them. */
  runCommand?(name: string, arg: string | undefined, context: CommandContext<O>): Promise<O | void>;
  /** Applies a change made on the chart (drag, keys); true when the plan was edited. Views without it are read-only. */
  gesture?(gesture: ChartGesture, context: RenderContext): Promise<boolean>;
  /** What a drag would move if dropped now (the live ghost); nothing is written. */
  ghost?(gesture: GhostGesture, context: RenderContext): Promise<GhostPreview>;
  /** Whether an option change moves the horizontal scale (the webview then keeps dates in view). */
  rescales?(before: O, after: O): boolean;
  /** Fires when something the view renders from, other than the analysis, changed (a baseline was read). */
  readonly onDidChange?: vscode.Event<void>;
}
