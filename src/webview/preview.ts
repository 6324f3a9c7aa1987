/*
 * The script of every Specline preview (Gantt, roadmap, trace matrix). It is generic: the
 * host renders escaped markup, this script places it and turns clicks into messages.
 * It never builds markup from strings it received except by assigning the host's
 * already-escaped HTML, and the page's CSP forbids inline scripts and handlers, so a
 * hostile title cannot run even if an escape were missed.
 */
import type { HostMessage } from '../core/views/protocol.js';
import { applyPatch } from './applyPatch.js';
import { installGanttEditing } from './ganttDrag.js';
import { loadMermaid, renderMermaidBlocks } from './mermaidBlocks.js';
import { rasterize } from './rasterize.js';
import { Tooltip } from './tooltip.js';
import { vscodeApi } from './vscodeApi.js';

interface SavedState {
  options?: unknown;
  scrollTop?: number;
  scrollLeft?: number;
}

const vscode = vscodeApi();
const toolbar = document.getElementById('sl-toolbar') as HTMLElement;
const content = document.getElementById('sl-content') as HTMLElement;
const tooltip = new Tooltip(document.getElementById('sl-tooltip') as HTMLElement);
const nonce = (document.currentScript as HTMLScriptElement | null)?.nonce ?? '';

let saved: SavedState = (vscode.getState() as SavedState | undefined) ?? {};
let shownGeneration = -1;
let lastToolbar = '';
let selectedId: string | null = null;
let firstRender = true;
/**
 * A scroll position the content was too short for: a large render arrives in chunks, so
 * it is tried again as they come, until reached, the last chunk, or the user scrolls.
 */
let pendingScroll: { top: number; left: number } | undefined;

const save = (patch: Partial<SavedState>): void => {
  saved = { ...saved, ...patch };
  vscode.setState(saved);
  // What was last handed to VS Code to keep across reloads, for tests to wait on.
  document.body.dataset.savedState = JSON.stringify(saved);
};

window.addEventListener('message', (event: MessageEvent<HostMessage>) => {
  const message = event.data;
  switch (message?.type) {
    case 'render':
    case 'patch':
      enqueue(message);
      break;
    case 'highlight':
      highlight(message.id, message.reveal);
      break;
    case 'rasterize':
      void rasterize(message).then((result) => vscode.postMessage({ type: 'png', requestId: message.requestId, ...result }));
      break;
  }
});

type ContentMessage = Extract<HostMessage, { type: 'render' | 'patch' }>;
const queue: ContentMessage[] = [];
/** Set from applying a content message until the frame showing it has been painted. */
let cooling = false;

/**
 * Content messages are applied in order, the first at once and the next only after the
 * frame showing the previous one has been painted: a large first render comes as a render
 * and several appending patches, and the browser would otherwise run them all before
 * painting anything. A whole render makes everything queued before it moot.
 */
function enqueue(message: ContentMessage): void {
  if (message.type === 'render') queue.length = 0;
  queue.push(message);
  if (!cooling) pump();
}

function pump(): void {
  const message = queue.shift();
  if (!message) return;
  if (message.type === 'render') render(message);
  else patch(message);
  cooling = true;
  let resumed = false;
  const resume = (): void => {
    if (resumed) return;
    resumed = true;
    cooling = false;
    pump();
  };
  // A task queued from a frame callback runs after that frame is painted. Frames stop in
  // a hidden page, so a timer makes sure the queue still drains.
  requestAnimationFrame(() => setTimeout(resume, 0));
  setTimeout(resume, 250);
}

function render(message: Extract<HostMessage, { type: 'render' }>): void {
  // A render older than the one shown was overtaken by a newer edit: never go back in time.
  if (message.generation <= shownGeneration) return;
  shownGeneration = message.generation;
  if (message.toolbar !== lastToolbar) {
    toolbar.innerHTML = message.toolbar;
    lastToolbar = message.toolbar;
  }
  // Where the view was (or, while a chunked render is still arriving, where it is going).
  const top = firstRender ? saved.scrollTop ?? 0 : pendingScroll?.top ?? content.scrollTop;
  const left = firstRender ? saved.scrollLeft ?? 0 : pendingScroll?.left ?? content.scrollLeft;
  const centreDay = message.rescale ? dayAt(left + content.clientWidth / 2) : undefined;
  tooltip.hide();
  content.innerHTML = message.html;
  prepareTooltips(content);
  content.scrollTop = top;
  // A zoom change rescales the chart: keep the date that was in the middle of the view there.
  const wantLeft = centreDay === undefined ? left : Math.max(0, xOf(centreDay) - content.clientWidth / 2);
  content.scrollLeft = wantLeft;
  // The first chunk of a large view may be too short to scroll that far: the chunks that
  // follow try again.
  pendingScroll = message.chunk && (content.scrollTop !== top || content.scrollLeft !== wantLeft) ? { top, left: wantLeft } : undefined;
  firstRender = false;
  save({ options: message.state });
  selectedId = message.selected ?? selectedId;
  if (selectedId) highlight(selectedId, false);
  if (content.querySelector('[data-mermaid-source]')) {
    const url = document.body.dataset.mermaid;
    if (url) void loadMermaid(url, nonce).then(() => renderMermaidBlocks(content, document.body.classList));
  }
  document.body.dataset.generation = String(message.generation);
}

/** Changes only the blocks the host says changed; the rest of the page stays as it is. */
function patch(message: Extract<HostMessage, { type: 'patch' }>): void {
  if (message.generation <= shownGeneration) return;
  shownGeneration = message.generation;
  if (message.toolbar !== lastToolbar) {
    toolbar.innerHTML = message.toolbar;
    lastToolbar = message.toolbar;
  }
  tooltip.hide();
  const added = applyPatch(content, message.keys, message.blocks);
  if (!added) {
    // This page does not hold what the host thinks it sent (it was reloaded, or a message
    // was lost): ask for everything again rather than show a mix.
    vscode.postMessage({ type: 'ready' });
    return;
  }
  for (const el of added) if (el instanceof HTMLElement) prepareTooltips(el);
  if (pendingScroll) {
    content.scrollTop = pendingScroll.top;
    content.scrollLeft = pendingScroll.left;
    // Reached, or the render is complete and this is as far as it goes.
    if ((content.scrollTop === pendingScroll.top && content.scrollLeft === pendingScroll.left) || !message.chunk) pendingScroll = undefined;
  }
  save({ options: message.state });
  selectedId = message.selected ?? selectedId;
  if (selectedId) highlight(selectedId, false);
  if (added.some((el) => el.matches('[data-mermaid-source]') || el.querySelector('[data-mermaid-source]'))) {
    const url = document.body.dataset.mermaid;
    if (url) void loadMermaid(url, nonce).then(() => renderMermaidBlocks(content, document.body.classList));
  }
  document.body.dataset.generation = String(message.generation);
}

/** The chart's horizontal scale, from the attributes the SVG renderer writes on its root. */
function scale(): { origin: number; ppd: number; left: number } | undefined {
  const svg = content.querySelector<SVGSVGElement>('svg[data-px-per-day]');
  if (!svg) return undefined;
  const origin = Number(svg.dataset.originDay);
  const ppd = Number(svg.dataset.pxPerDay);
  const left = Number(svg.dataset.chartLeft);
  return Number.isFinite(origin) && ppd > 0 && Number.isFinite(left) ? { origin, ppd, left: left + svg.getBoundingClientRect().left - content.getBoundingClientRect().left + content.scrollLeft } : undefined;
}

/** The day (fractional) at a horizontal scroll position of the content, if a chart is shown. */
function dayAt(x: number): number | undefined {
  const s = scale();
  return s ? s.origin + (x - s.left) / s.ppd : undefined;
}

/** The scroll position of a day in the chart now shown. */
function xOf(day: number): number {
  const s = scale();
  return s ? s.left + (day - s.origin) * s.ppd : content.scrollLeft;
}

/** Marks the element(s) of one item as selected and, if asked, scrolls the first into view. */
function highlight(id: string | null, reveal: boolean): void {
  for (const el of content.querySelectorAll('.sl-selected')) el.classList.remove('sl-selected');
  selectedId = id;
  if (!id) return;
  const matches = content.querySelectorAll(`[data-id="${CSS.escape(id)}"]`);
  for (const el of matches) el.classList.add('sl-selected');
  const first = matches[0];
  if (reveal && first) scrollIntoViewIfNeeded(first);
}

function scrollIntoViewIfNeeded(el: Element): void {
  const box = el.getBoundingClientRect();
  const view = content.getBoundingClientRect();
  const visible = box.top >= view.top && box.bottom <= view.bottom && box.left < view.right && box.right > view.left;
  if (!visible) el.scrollIntoView({ block: 'center', inline: 'center' });
}

/**
 * SVG `<title>` tooltips appear after a long delay and cannot be styled; move each into
 * a `data-tip` attribute (read with textContent, so it stays text) for our own tooltip, and
 * keep it as the accessible name.
 */
function prepareTooltips(root: HTMLElement): void {
  for (const title of root.querySelectorAll('[data-id] > title')) {
    const owner = title.parentElement;
    if (!owner) continue;
    const text = title.textContent ?? '';
    owner.setAttribute('data-tip', text);
    owner.setAttribute('aria-label', text);
    title.remove();
  }
}

// --- Input: everything the user does becomes a validated message to the host. ---

document.addEventListener('click', (event) => {
  const target = event.target as Element | null;
  if (!target) return;
  const option = target.closest<HTMLElement>('button[data-option]');
  if (option) {
    vscode.postMessage({ type: 'option', key: option.dataset.option ?? '', value: option.dataset.value ?? '' });
    return;
  }
  const command = target.closest<HTMLElement>('[data-command]');
  if (command) {
    const arg = command.dataset.arg;
    vscode.postMessage(arg === undefined ? { type: 'command', command: command.dataset.command ?? '' } : { type: 'command', command: command.dataset.command ?? '', arg });
    return;
  }
  const toggle = target.closest<Element>('[data-toggle]');
  if (toggle) {
    vscode.postMessage({ type: 'toggle', key: toggle.getAttribute('data-toggle') ?? '' });
    return;
  }
  reveal(target);
});

document.addEventListener('keydown', (event) => {
  if (event.key !== 'Enter' && event.key !== ' ') return;
  const target = event.target as Element | null;
  if (!target || target.closest('button, select, input')) return;
  const toggle = target.closest<Element>('[data-toggle]');
  if (toggle) {
    event.preventDefault();
    vscode.postMessage({ type: 'toggle', key: toggle.getAttribute('data-toggle') ?? '' });
  } else if (reveal(target)) {
    event.preventDefault();
  }
});

/** Reveals the source of the clicked item; true when there was one. */
function reveal(target: Element): boolean {
  const item = target.closest<Element>('[data-file][data-line]');
  if (!item) return false;
  const file = item.getAttribute('data-file') ?? '';
  const line = Number(item.getAttribute('data-line'));
  if (!file || !Number.isInteger(line) || line < 0) return false;
  const id = item.getAttribute('data-id') ?? undefined;
  highlight(id ?? null, false);
  vscode.postMessage(id ? { type: 'reveal', file, line, id } : { type: 'reveal', file, line });
  return true;
}

document.addEventListener('change', (event) => {
  const target = event.target as Element | null;
  const select = target?.closest<HTMLSelectElement>('select[data-option]');
  if (select) {
    vscode.postMessage({ type: 'option', key: select.dataset.option ?? '', value: select.value });
    return;
  }
  // A menu of commands (Export ▾): post the chosen command, then show the menu's label again.
  const menu = target?.closest<HTMLSelectElement>('select[data-command-menu]');
  if (menu && menu.value) {
    const command = menu.value;
    menu.selectedIndex = 0;
    vscode.postMessage({ type: 'command', command });
  }
});

content.addEventListener('mouseover', (event) => {
  const el = (event.target as Element | null)?.closest<Element>('[data-tip]');
  if (el) tooltip.show(el.getAttribute('data-tip') ?? '', event);
  else tooltip.hide();
});
content.addEventListener('mousemove', (event) => tooltip.move(event));
content.addEventListener('mouseleave', () => tooltip.hide());

// The user scrolling takes over from a restored position still waiting for its content.
for (const type of ['wheel', 'keydown', 'pointerdown', 'touchstart']) window.addEventListener(type, () => { pendingScroll = undefined; }, { passive: true });

let scrollTimer: ReturnType<typeof setTimeout> | undefined;
content.addEventListener('scroll', () => {
  tooltip.hide();
  clearTimeout(scrollTimer);
  scrollTimer = setTimeout(() => save({ scrollTop: content.scrollTop, scrollLeft: content.scrollLeft }), 150);
}, { passive: true });

// The Gantt chart edits the plan by drag and keys where the host allows it (a trusted workspace).
if (document.body.dataset.kind === 'gantt' && document.body.dataset.editable === 'true') installGanttEditing(content, (message) => vscode.postMessage(message));

vscode.postMessage(saved.options === undefined ? { type: 'ready' } : { type: 'ready', state: saved.options });
