/*
 * Direct manipulation of the Gantt preview: drag a bar to move it, drag its right end to
 * change its length, drag a milestone, drag one bar onto another to make the second follow
 * the first, drag the progress handle under a bar (5% steps), double-click a row's label to
 * rename it; the same from the keyboard on a focused bar. Nothing is written here: on drop
 * the page posts a `gesture` message, which the host validates, confirms where a dependency
 * would be overridden, and applies through `specline.editTask`. The chart then redraws
 * from the edited plan. While a drag moves dates, the page also asks the host what the drop
 * would move (`ghost` messages, one in flight) and outlines those items at their new days.
 * Everything shown is text set through textContent.
 */
import { parseGhostReply } from '../core/views/protocol.js';
import type { ChartGesture, GhostGesture, GhostReply, WebviewMessage } from '../core/views/protocol.js';
import { openRename, titleOf } from './ganttRename.js';

const DAY_MS = 86_400_000;
const SVG_NS = 'http://www.w3.org/2000/svg';
/** How close to a bar's right end (px) a drag changes its length rather than moving it. */
const EDGE_PX = 6;
/** Movement (px) before a press becomes a drag; less is a click, which reveals the source. */
const DRAG_THRESHOLD_PX = 4;
/** Vertical distance (px) from the bar's row before hovering another bar means "link". */
const LINK_DY_PX = 8;
/** A key press waits this long for the redraw before the next one is taken anyway. */
const KEY_WAIT_MS = 5000;
/** Progress moves in steps of this many percent: finer than anyone reports progress. */
const PROGRESS_STEP = 5;
/** A ghost request unanswered this long no longer holds back the next one (the host may have dropped it). */
const GHOST_WAIT_MS = 2000;
/** A click on a row label waits this long for a second click (rename) before revealing the source, which takes the focus. */
const DBLCLICK_MS = 300;

interface Drag {
  id: string;
  kind: 'move' | 'resize' | 'progress';
  milestone: boolean;
  shape: SVGGraphicsElement;
  svg: SVGSVGElement;
  startDay: number;
  endDay: number;
  x0: number;
  y0: number;
  pointerId: number;
  /** Pixels per day of the chart's own scale. */
  ppd: number;
  started: boolean;
  days: number;
  target?: string;
  overlay?: SVGGElement;
  /** A progress drag: the percentage before and now. */
  percent0: number;
  percent: number;
  /** The gesture the ghost shows (as JSON), and the host's answer for it once it came. */
  ghostKey?: string;
  reply?: GhostReply;
  /** The outlines of the other items the drop would move, one group per SVG they are drawn in. */
  follow?: SVGGElement[];
  /** Where the pointer last was, to draw the ghost again when an answer comes. */
  last?: { event: PointerEvent; over: SVGGElement | undefined };
}

const TASK = 'g.sl-task[data-start-day]';

/** `2027-01-11 Mon` for a day number. */
export function dayLabel(day: number): string {
  const d = new Date(day * DAY_MS);
  return `${d.toISOString().slice(0, 10)} ${d.toUTCString().slice(0, 3)}`;
}

/** The resize zone at a bar's right end: a narrow bar (a short task at a wide zoom) keeps two thirds for moving. */
function edgeOf(box: DOMRect): number {
  return Math.min(EDGE_PX, box.width / 3);
}

function taskOf(el: Element | null | undefined): SVGGElement | undefined {
  return (el?.closest(TASK) as SVGGElement | null) ?? undefined;
}

/** A task's progress in percent, read from its drawn fill (a done task shows 100). */
export function progressOf(group: Element): number {
  if (group.classList.contains('sl-done')) return 100;
  const bar = group.querySelector<SVGRectElement>('rect.sl-bar');
  const fill = group.querySelector<SVGRectElement>('rect.sl-progress');
  const width = bar?.width.baseVal.value ?? 0;
  return fill && width > 0 ? Math.round((fill.width.baseVal.value / width) * 100) : 0;
}

/** The next whole step of progress from `p` in direction `dir`, within 0–100. */
export function stepProgress(p: number, dir: 1 | -1): number {
  const next = dir > 0 ? Math.floor(p / PROGRESS_STEP) * PROGRESS_STEP + PROGRESS_STEP : Math.ceil(p / PROGRESS_STEP) * PROGRESS_STEP - PROGRESS_STEP;
  return Math.max(0, Math.min(100, next));
}

const days = (g: Element): { start: number; end: number } => ({ start: Number(g.getAttribute('data-start-day')), end: Number(g.getAttribute('data-end-day')) });

/**
 * Makes the Gantt chart in `content` editable. `post` sends a validated-shape message to the
 * host; the page's current render generation is read from `body[data-generation]`.
 */
export function installGanttEditing(content: HTMLElement, post: (message: WebviewMessage) => void): void {
  const live = document.createElement('div');
  live.id = 'sl-live';
  live.className = 'sl-visually-hidden';
  live.setAttribute('role', 'status');
  live.setAttribute('aria-live', 'polite');
  document.body.appendChild(live);
  const announce = (text: string): void => {
    live.textContent = text;
  };
  const generation = (): number => Number(document.body.dataset.generation ?? -1);

  let drag: Drag | undefined;
  let suppressClick = false;
  /** A drag cancelled with Escape while the button is still down: its release is no click either. */
  let cancelledPress = false;
  /** A key press sent and not yet redrawn: the bar to focus again and announce. */
  let pendingKey: { id: string; generation: number; since: number; what?: 'progress' | 'title' } | undefined;
  /** The first bar of a keyboard link (`L` on one bar, then `L` on the one that follows it). */
  let linkFrom: string | undefined;

  const send = (gesture: ChartGesture): void => {
    post({ type: 'gesture', generation: generation(), gesture });
  };

  // --- The live ghost: what the drop would move, as the host's scheduler computes it. ---
  // One request in flight at a time; while it is, only the newest position waits to be
  // asked about, and an answer for a position the drag has left is dropped.

  let ghostSeq = 0;
  let ghostInFlight: { seq: number; key: string; since: number } | undefined;
  let ghostQueued: GhostGesture | undefined;
  let ghostRetry: ReturnType<typeof setTimeout> | undefined;
  const askGhost = (): void => {
    if (ghostInFlight && Date.now() - ghostInFlight.since < GHOST_WAIT_MS) {
      clearTimeout(ghostRetry);
      ghostRetry = setTimeout(askGhost, GHOST_WAIT_MS);
      return;
    }
    const gesture = ghostQueued;
    ghostQueued = undefined;
    ghostInFlight = undefined;
    if (!gesture || !drag?.started) return;
    ghostInFlight = { seq: ++ghostSeq, key: JSON.stringify(gesture), since: Date.now() };
    post({ type: 'ghost', generation: generation(), seq: ghostInFlight.seq, gesture });
  };
  /** Called whenever the drag's snapped position may have changed. */
  const wantGhost = (d: Drag): void => {
    const gesture = ghostGesture(d);
    const key = gesture ? JSON.stringify(gesture) : '';
    if (key === (d.ghostKey ?? '')) return;
    d.ghostKey = key;
    d.reply = undefined;
    clearFollow(d);
    ghostQueued = gesture;
    askGhost();
  };
  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    const data = event.data as { type?: unknown } | null;
    if (data?.type !== 'ghost') return;
    const reply = parseGhostReply(data);
    if (!reply || reply.for !== ghostInFlight?.seq) return;
    const key = ghostInFlight.key;
    ghostInFlight = undefined;
    const d = drag;
    if (d?.started && d.ghostKey === key) {
      if (reply.generation === generation()) {
        d.reply = reply;
        drawFollow(content, d);
        if (d.last) drawGhost(d, d.last.event, d.last.over);
        // What the drop would break is said too, not only drawn.
        if (reply.warnings.length > 0) announce(`Dropping here: ${reply.warnings.join('; ')}.`);
      } else {
        // Answered for a chart redrawn since: ask again about the chart as it is.
        d.ghostKey = undefined;
        wantGhost(d);
        return;
      }
    }
    askGhost();
  });

  // --- Pointer ---

  // One progress handle, under the bar the pointer is over: a handle per bar would weigh on a 1,000-row chart.
  const handle = document.createElementNS(SVG_NS, 'path');
  handle.setAttribute('class', 'sl-progress-handle');
  const placeHandle = (group: SVGGElement | undefined): void => {
    const bar = group?.querySelector<SVGRectElement>('rect.sl-bar');
    if (!group || !bar) {
      handle.remove();
      return;
    }
    const x = bar.x.baseVal.value + (bar.width.baseVal.value * progressOf(group)) / 100;
    handle.setAttribute('d', `M${x} ${bar.y.baseVal.value + bar.height.baseVal.value - 3}l5 8h-10z`);
    handle.setAttribute('data-id', group.getAttribute('data-id') ?? '');
    if (handle.parentNode !== group) group.appendChild(handle);
  };

  content.addEventListener('pointerdown', (event) => {
    if (event.button !== 0 || drag) return;
    if (event.target === handle) {
      const group = taskOf(handle);
      const bar = group?.querySelector<SVGRectElement>('rect.sl-bar');
      const svg = bar?.ownerSVGElement;
      if (!group || !bar || !svg) return;
      const { start, end } = days(group);
      const p = progressOf(group);
      drag = {
        id: group.getAttribute('data-id') ?? '', kind: 'progress', milestone: false, shape: bar, svg, startDay: start, endDay: end,
        x0: event.clientX, y0: event.clientY, pointerId: event.pointerId, ppd: 1, started: false, days: 0, percent0: p, percent: p,
      };
      event.preventDefault();
      return;
    }
    const shape = (event.target as Element | null)?.closest<SVGGraphicsElement>('.sl-bar, .sl-milestone');
    const group = taskOf(shape);
    const svg = shape?.ownerSVGElement;
    if (!shape || !group || !svg) return;
    // The scale is on the chart's main SVG (a long chart draws its rows in bands of their own).
    const ppd = Number(content.querySelector<SVGSVGElement>('svg[data-px-per-day]')?.dataset.pxPerDay);
    if (!(ppd > 0)) return;
    const milestone = shape.classList.contains('sl-milestone');
    const box = shape.getBoundingClientRect();
    const { start, end } = days(group);
    drag = {
      id: group.getAttribute('data-id') ?? '', kind: !milestone && event.clientX >= box.right - edgeOf(box) ? 'resize' : 'move', milestone,
      shape, svg, startDay: start, endDay: end, x0: event.clientX, y0: event.clientY, pointerId: event.pointerId, ppd, started: false, days: 0,
      percent0: 0, percent: 0,
    };
    event.preventDefault();
  });

  content.addEventListener('pointermove', (event) => {
    if (!drag) {
      // The cursor says what a drag would do.
      const shape = (event.target as Element | null)?.closest('.sl-bar, .sl-milestone');
      const edge = shape?.classList.contains('sl-bar') && event.clientX >= shape.getBoundingClientRect().right - edgeOf(shape.getBoundingClientRect());
      content.style.cursor = event.target === handle ? 'col-resize' : shape ? (edge ? 'ew-resize' : 'grab') : '';
      const group = taskOf(event.target as Element | null);
      if (group !== handle.parentNode) placeHandle(group);
      return;
    }
    const dx = event.clientX - drag.x0;
    const dy = event.clientY - drag.y0;
    if (!drag.started) {
      if (Math.abs(dx) < DRAG_THRESHOLD_PX && Math.abs(dy) < DRAG_THRESHOLD_PX) return;
      drag.started = true;
      content.setPointerCapture(drag.pointerId);
      document.body.classList.add('sl-dragging');
      // The press itself does not take the focus (preventDefault keeps a click from moving
      // it), so the keyboard may still be in the text editor beside the chart: a drag takes
      // it, so that Escape reaches the chart and cancels, as in any scheduling tool.
      const dragged = taskOf(drag.shape);
      if (dragged && document.activeElement !== dragged) focusBar(dragged);
    }
    // Day-snapped at every zoom: whole days of the chart's own scale, whatever its CSS size.
    const scale = drag.svg.getBoundingClientRect().width / (drag.svg.width.baseVal.value || 1);
    if (drag.kind === 'progress') {
      const width = (drag.shape as SVGRectElement).width.baseVal.value || 1;
      const raw = drag.percent0 + (dx / scale / width) * 100;
      drag.percent = Math.max(0, Math.min(100, Math.round(raw / PROGRESS_STEP) * PROGRESS_STEP));
      drawGhost(drag, event, undefined);
      return;
    }
    drag.days = Math.round(dx / (drag.ppd * scale));
    const over = taskOf(document.elementFromPoint(event.clientX, event.clientY));
    const overId = over?.getAttribute('data-id') ?? undefined;
    drag.target = over && overId && overId !== drag.id && Math.abs(dy) > LINK_DY_PX ? overId : undefined;
    drag.last = { event, over };
    wantGhost(drag);
    drawGhost(drag, event, over);
  });

  const finish = (commit: boolean): void => {
    const d = drag;
    drag = undefined;
    if (!d) return;
    clearGhost(d);
    clearFollow(d);
    ghostQueued = undefined;
    if (!d.started) return;
    document.body.classList.remove('sl-dragging');
    if (content.hasPointerCapture(d.pointerId)) content.releasePointerCapture(d.pointerId);
    suppressClick = true;
    setTimeout(() => { suppressClick = false; }, 0);
    if (!commit) {
      cancelledPress = true;
      announce(`Drag of ${d.id} cancelled.`);
      return;
    }
    if (d.kind === 'progress') {
      if (d.percent === d.percent0) return;
      send({ kind: 'progress', id: d.id, percent: d.percent });
      announce(`${d.id} will be ${d.percent}% done.`);
      return;
    }
    if (d.target) {
      send({ kind: 'link', from: d.id, to: d.target });
      announce(`${d.target} will follow ${d.id}.`);
      return;
    }
    if (d.days === 0) return;
    if (d.kind === 'resize' && d.endDay + d.days < d.startDay) {
      announce(`${d.id} cannot end before it starts.`);
      return;
    }
    send({ kind: d.kind, id: d.id, days: d.days });
    announce(describe(d.id, d.kind, d.days));
  };

  content.addEventListener('pointerup', () => {
    if (cancelledPress && !drag) {
      cancelledPress = false;
      suppressClick = true;
      setTimeout(() => { suppressClick = false; }, 0);
      return;
    }
    finish(true);
  });
  content.addEventListener('pointercancel', () => finish(false));
  window.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    if (drag?.started) {
      event.preventDefault();
      event.stopPropagation();
      finish(false);
    } else if (linkFrom) {
      linkFrom = undefined;
      announce('Link cancelled.');
    }
  }, true);
  // The click that ends a drag is not a click on the bar: it must not open the source.
  let revealTimer: ReturnType<typeof setTimeout> | undefined;
  let replaying = false;
  window.addEventListener('click', (event) => {
    if (suppressClick) {
      suppressClick = false;
      event.stopPropagation();
      event.preventDefault();
      return;
    }
    // A click on a row label reveals the source only once no second click (a rename) follows.
    const label = (event.target as Element | null)?.closest('.sl-label');
    if (replaying || !label || !taskOf(label)) return;
    event.stopPropagation();
    clearTimeout(revealTimer);
    if (event.detail >= 2) return;
    revealTimer = setTimeout(() => {
      replaying = true;
      label.dispatchEvent(new MouseEvent('click', { bubbles: true }));
      replaying = false;
    }, DBLCLICK_MS);
  }, true);
  content.addEventListener('dblclick', (event) => {
    const label = (event.target as Element | null)?.closest('.sl-label');
    const group = taskOf(label);
    if (!label || !group) return;
    event.preventDefault();
    clearTimeout(revealTimer);
    rename(group);
  });

  const rename = (group: SVGGElement): void => {
    const id = group.getAttribute('data-id') ?? '';
    openRename(group, send, announce, (sent) => {
      if (sent) pendingKey = { id, generation: generation(), since: Date.now(), what: 'title' };
      if (group.isConnected) focusBar(group);
    });
  };

  // --- Keyboard: one focusable bar at a time (roving tabindex), arrows within the chart. ---

  content.addEventListener('keydown', (event) => {
    const group = event.target instanceof Element && event.target.matches(TASK) ? (event.target as SVGGElement) : undefined;
    if (!group) return;
    const id = group.getAttribute('data-id') ?? '';
    if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
      const all = [...content.querySelectorAll<SVGGElement>(TASK)];
      const next = all[all.indexOf(group) + (event.key === 'ArrowUp' ? -1 : 1)];
      if (next) focusBar(next);
      event.preventDefault();
      return;
    }
    if (event.key === 'l' || event.key === 'L') {
      event.preventDefault();
      if (!linkFrom || linkFrom === id) {
        linkFrom = id;
        announce(`${id} picked as predecessor: focus the task that follows it and press L, or Escape.`);
        return;
      }
      send({ kind: 'link', from: linkFrom, to: id });
      announce(`${id} will follow ${linkFrom}.`);
      linkFrom = undefined;
      pendingKey = { id, generation: generation(), since: Date.now() };
      return;
    }
    if (event.key === 'F2') {
      event.preventDefault();
      rename(group);
      return;
    }
    const progressKey = event.key === '[' || event.key === ']' || (event.altKey && (event.key === 'ArrowLeft' || event.key === 'ArrowRight'));
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight' && !progressKey) return;
    event.preventDefault();
    if (pendingKey && pendingKey.generation === generation() && Date.now() - pendingKey.since < KEY_WAIT_MS) {
      announce(`Saving ${pendingKey.id}…`);
      return;
    }
    if (progressKey) {
      if (group.classList.contains('sl-milestone-row')) return;
      const now = progressOf(group);
      const percent = stepProgress(now, event.key === '[' || event.key === 'ArrowLeft' ? -1 : 1);
      if (percent === now) return;
      send({ kind: 'progress', id, percent });
      announce(`${id} will be ${percent}% done.`);
      pendingKey = { id, generation: generation(), since: Date.now(), what: 'progress' };
      return;
    }
    const kind = event.shiftKey ? 'resize' : 'move';
    if (kind === 'resize' && group.classList.contains('sl-milestone-row')) return;
    const step = event.key === 'ArrowLeft' ? -1 : 1;
    send({ kind, id, days: step });
    announce(describe(id, kind, step));
    pendingKey = { id, generation: generation(), since: Date.now() };
  });

  content.addEventListener('focusin', (event) => {
    const group = taskOf(event.target as Element);
    if (group) focusBar(group, false);
  });

  /** After each redraw: bars focusable, and the bar a key press moved focused and announced. */
  const afterRender = (): void => {
    const svg = content.querySelector<SVGSVGElement>('svg.sl-gantt');
    // The chart's bars are controls now, not parts of one picture.
    if (svg?.getAttribute('role') === 'img') svg.setAttribute('role', 'group');
    const bars = content.querySelectorAll<SVGGElement>(TASK);
    let focusable = false;
    for (const bar of bars) {
      if (!bar.hasAttribute('tabindex')) bar.setAttribute('tabindex', '-1');
      if (!bar.hasAttribute('role')) bar.setAttribute('role', 'button');
      if (bar.getAttribute('tabindex') === '0') focusable = true;
    }
    if (!focusable && bars[0]) bars[0].setAttribute('tabindex', '0');
    if (pendingKey && pendingKey.generation !== generation()) {
      const bar = content.querySelector<SVGGElement>(`${TASK}[data-id="${CSS.escape(pendingKey.id)}"]`);
      const what = pendingKey.what;
      pendingKey = undefined;
      if (bar) {
        focusBar(bar);
        const { start, end } = days(bar);
        const id = bar.getAttribute('data-id') ?? '';
        if (what === 'progress') announce(`${id} is ${progressOf(bar)}% done.`);
        else if (what === 'title') announce(`${id} is now called ${titleOf(bar)}.`);
        else announce(bar.classList.contains('sl-milestone-row') ? `${id} is on ${dayLabel(start)}.` : `${id} runs ${dayLabel(start)} to ${dayLabel(end)}.`);
      }
    }
  };
  let queued = false;
  // The progress handle and a drag's ghost come and go with the pointer: they are not a redraw.
  const ours = (n: Node): boolean => n === handle || (n instanceof Element && n.classList.contains('sl-drag-overlay'));
  new MutationObserver((records) => {
    if (records.every((r) => [...r.addedNodes, ...r.removedNodes].every(ours))) return;
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => { queued = false; afterRender(); });
  }).observe(content, { childList: true, subtree: true });
  new MutationObserver(() => afterRender()).observe(document.body, { attributes: true, attributeFilter: ['data-generation'] });

  function focusBar(bar: SVGGElement, move = true): void {
    for (const other of content.querySelectorAll(`${TASK}[tabindex="0"]`)) if (other !== bar) other.setAttribute('tabindex', '-1');
    bar.setAttribute('tabindex', '0');
    if (move) bar.focus();
  }
}

function describe(id: string, kind: 'move' | 'resize', n: number): string {
  const amount = `${Math.abs(n)} day${Math.abs(n) === 1 ? '' : 's'}`;
  return kind === 'move' ? `Moving ${id} ${amount} ${n > 0 ? 'later' : 'earlier'}.` : `${id} ends ${amount} ${n > 0 ? 'later' : 'earlier'}.`;
}

function clearGhost(d: Drag): void {
  d.overlay?.remove();
  d.overlay = undefined;
  for (const el of d.svg.querySelectorAll('.sl-link-target')) el.classList.remove('sl-link-target');
}

/** The ghost of the bar at its new place with its new dates, or a line to the bar it will follow. */
function drawGhost(d: Drag, event: PointerEvent, over: SVGGElement | undefined): void {
  clearGhost(d);
  const overlay = document.createElementNS(SVG_NS, 'g');
  overlay.setAttribute('class', 'sl-drag-overlay');
  const shapeBox = d.shape.getBBox();
  const label = document.createElementNS(SVG_NS, 'text');
  label.setAttribute('class', 'sl-ghost-label');
  if (d.target && over) {
    over.classList.add('sl-link-target');
    const line = document.createElementNS(SVG_NS, 'line');
    line.setAttribute('class', 'sl-link-line');
    line.setAttribute('x1', String(shapeBox.x + shapeBox.width));
    line.setAttribute('y1', String(shapeBox.y + shapeBox.height / 2));
    // The pointer in the SVG's own coordinates (a band's viewBox starts at its first row).
    const point = new DOMPoint(event.clientX, event.clientY).matrixTransform(d.svg.getScreenCTM()?.inverse() ?? new DOMMatrix());
    const x = point.x;
    const y = point.y;
    line.setAttribute('x2', String(x));
    line.setAttribute('y2', String(y));
    overlay.appendChild(line);
    label.setAttribute('x', String(x + 8));
    label.setAttribute('y', String(y - 6));
    label.textContent = `${d.target} after ${d.id}`;
  } else {
    const ppd = d.ppd;
    const ghost = d.shape.cloneNode(false) as SVGGraphicsElement;
    ghost.removeAttribute('data-id');
    ghost.classList.add('sl-ghost');
    let text: string;
    let right: number;
    if (d.kind === 'progress') {
      const width = (shapeBox.width * d.percent) / 100;
      ghost.setAttribute('width', String(width));
      ghost.classList.add('sl-ghost-progress');
      right = shapeBox.x + shapeBox.width;
      text = `${d.percent}% done`;
    } else if (d.kind === 'resize') {
      const width = Math.max(ppd, shapeBox.width + d.days * ppd);
      ghost.setAttribute('width', String(width));
      right = shapeBox.x + width;
      const end = d.endDay + d.days;
      text = end < d.startDay ? 'cannot end before it starts' : `ends ${dayLabel(end)}`;
    } else {
      ghost.setAttribute('transform', `translate(${d.days * ppd} 0)`);
      right = shapeBox.x + shapeBox.width + d.days * ppd;
      text = d.milestone ? dayLabel(d.startDay + d.days) : `${dayLabel(d.startDay + d.days)} → ${dayLabel(d.endDay + d.days)}`;
    }
    // The scheduler's answer, once it came: the dates it computes (a step onto a weekend
    // lands on the next working day), the working days, and how much else moves.
    const own = d.reply?.moves.find((m) => m.id === d.id);
    const detail: string[] = [];
    if (own && d.kind !== 'progress') {
      text = d.milestone ? dayLabel(own.start) : `${dayLabel(own.start)} → ${dayLabel(own.end)}`;
      if (!d.milestone) detail.push(`${own.days} working day${own.days === 1 ? '' : 's'}`);
    }
    const others = d.reply ? d.reply.moves.filter((m) => m.id !== d.id).length + d.reply.more : 0;
    if (others > 0) detail.push(`moves ${others} other${others === 1 ? '' : 's'}`);
    if (detail.length > 0) text += ` · ${detail.join(' · ')}`;
    overlay.appendChild(ghost);
    label.setAttribute('x', String(right + 6));
    label.setAttribute('y', String(shapeBox.y + shapeBox.height - 2));
    label.textContent = text;
    overlay.appendChild(label);
    const warning = warningLine(d.reply, label);
    if (warning) overlay.appendChild(warning);
    d.svg.appendChild(overlay);
    // Past the visible right edge the dates go left of both the bar and its ghost, or, where
    // that would hide them under the row labels, end at the visible right edge.
    const view = d.svg.closest('#sl-content')?.getBoundingClientRect();
    const texts = [label, warning].filter((el): el is SVGTextElement => el !== undefined);
    if (view && texts.some((el) => el.getBoundingClientRect().right > view.right)) {
      const ghostLeft = shapeBox.x + (d.kind === 'resize' ? 0 : d.days * ppd);
      // The row labels end where the days begin (`data-chart-left`, in the chart's units).
      const chartLeft = Number(d.svg.closest('#sl-content')?.querySelector('svg[data-chart-left]')?.getAttribute('data-chart-left') ?? 0);
      for (const el of texts) {
        el.setAttribute('x', String(Math.min(shapeBox.x, ghostLeft) - 6));
        el.setAttribute('text-anchor', 'end');
      }
      if (texts.some((el) => el.getBBox().x < chartLeft || el.getBoundingClientRect().left < view.left)) {
        const toSvg = d.svg.getScreenCTM()?.inverse();
        const right = toSvg ? new DOMPoint(view.right - 6, 0).matrixTransform(toSvg).x : shapeBox.x;
        for (const el of texts) el.setAttribute('x', String(right));
      }
    }
    backTexts(overlay, texts);
    d.overlay = overlay;
    return;
  }
  const own = d.reply?.moves.find((m) => m.id === d.target);
  if (own) label.textContent += ` · starts ${dayLabel(own.start)}`;
  overlay.appendChild(label);
  const warning = warningLine(d.reply, label);
  if (warning) overlay.appendChild(warning);
  d.svg.appendChild(overlay);
  backTexts(overlay, [label, warning].filter((el): el is SVGTextElement => el !== undefined));
  d.overlay = overlay;
}

/**
 * A plate under each line of the ghost's text: in a narrow panel the dates may have to sit
 * over the row labels or other bars, and they must stay readable there, as a tooltip does.
 */
function backTexts(overlay: SVGGElement, texts: readonly SVGTextElement[]): void {
  for (const text of texts) {
    const box = text.getBBox();
    if (box.width === 0) continue;
    const plate = document.createElementNS(SVG_NS, 'rect');
    plate.setAttribute('class', 'sl-ghost-plate');
    plate.setAttribute('x', String(box.x - 3));
    plate.setAttribute('y', String(box.y - 1));
    plate.setAttribute('width', String(box.width + 6));
    plate.setAttribute('height', String(box.height + 2));
    plate.setAttribute('rx', '3');
    overlay.insertBefore(plate, text);
  }
}

/** What the drop would break (a missed milestone, a dependency), one line under the dates. */
function warningLine(reply: GhostReply | undefined, label: SVGTextElement): SVGTextElement | undefined {
  if (!reply || reply.warnings.length === 0) return undefined;
  const line = document.createElementNS(SVG_NS, 'text');
  line.setAttribute('class', 'sl-ghost-warning');
  line.setAttribute('x', label.getAttribute('x') ?? '0');
  line.setAttribute('y', String(Number(label.getAttribute('y') ?? 0) + 13));
  line.textContent = `⚠ ${reply.warnings.join('; ')}`;
  return line;
}

/** The gesture a drag would send if dropped now, when it can move dates. */
function ghostGesture(d: Drag): GhostGesture | undefined {
  if (d.kind === 'progress') return undefined;
  if (d.target) return { kind: 'link', from: d.id, to: d.target };
  if (d.days === 0 || (d.kind === 'resize' && d.endDay + d.days < d.startDay)) return undefined;
  return { kind: d.kind, id: d.id, days: d.days };
}

function clearFollow(d: Drag): void {
  for (const g of d.follow ?? []) g.remove();
  d.follow = undefined;
}

/**
 * A dashed outline, in its own row, at the new place of every other item the drop would
 * move (a row not on the page, in a collapsed section, has none). Drawn over the chart,
 * never in its layout: nothing else on the page moves.
 */
function drawFollow(content: HTMLElement, d: Drag): void {
  clearFollow(d);
  const groups = new Map<SVGSVGElement, SVGGElement>();
  for (const m of d.reply?.moves ?? []) {
    if (m.id === d.id) continue;
    const group = content.querySelector<SVGGElement>(`${TASK}[data-id="${CSS.escape(m.id)}"]`);
    const shape = group?.querySelector<SVGGraphicsElement>('.sl-bar, .sl-milestone');
    const svg = shape?.ownerSVGElement;
    if (!group || !shape || !svg) continue;
    const shift = (m.start - days(group).start) * d.ppd;
    const outline = shape.cloneNode(false) as SVGGraphicsElement;
    outline.removeAttribute('data-id');
    outline.setAttribute('data-ghost-of', m.id);
    if (shape instanceof SVGRectElement) {
      outline.setAttribute('class', 'sl-ghost-follow');
      outline.setAttribute('x', String(shape.x.baseVal.value + shift));
      outline.setAttribute('width', String(Math.max(2, (m.end - m.start + 1) * d.ppd)));
    } else {
      outline.setAttribute('class', 'sl-ghost-follow sl-ghost-follow-milestone');
      outline.setAttribute('transform', `translate(${shift} 0)`);
    }
    let overlay = groups.get(svg);
    if (!overlay) {
      overlay = document.createElementNS(SVG_NS, 'g');
      overlay.setAttribute('class', 'sl-drag-overlay sl-ghost-moves');
      svg.appendChild(overlay);
      groups.set(svg, overlay);
    }
    overlay.appendChild(outline);
  }
  d.follow = [...groups.values()];
}
