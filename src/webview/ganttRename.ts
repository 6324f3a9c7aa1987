/*
 * Renaming a task in place: a text input over the row's label (double-click the label, or
 * F2 on the focused bar). Enter posts a `rename` gesture, which the host checks and applies
 * through `specline.editTask`; Escape, or leaving the field, cancels. The input holds text
 * only: its value is sent as a string and never parsed as markup here.
 */
import type { ChartGesture } from '../core/views/protocol.js';

/** As long as `specline.editTask` takes a title. */
const MAX_TITLE = 500;

/** The task's full title: the first line of its tooltip after the displayed id (the label may be cut short). */
export function titleOf(group: Element): string {
  const tip = group.getAttribute('data-tip') ?? group.querySelector(':scope > title')?.textContent ?? '';
  const first = tip.split('\n')[0] ?? '';
  const space = first.indexOf(' ');
  return space < 0 ? '' : first.slice(space + 1);
}

/** Why a title cannot be written, or undefined when it can (the host checks again). */
export function titleProblem(title: string): string | undefined {
  if (title.trim() === '') return 'A title cannot be empty.';
  if (title.length > MAX_TITLE) return `A title is at most ${MAX_TITLE} characters.`;
  return undefined;
}

/**
 * Opens the rename field over `group`'s label. `done(sent)` runs once the field closes, so
 * the caller can focus the bar again and wait for the redraw.
 */
export function openRename(group: SVGGElement, send: (gesture: ChartGesture) => void, announce: (text: string) => void, done: (sent: boolean) => void): void {
  document.querySelector('input.sl-rename')?.remove();
  const id = group.getAttribute('data-id') ?? '';
  const label = group.querySelector('.sl-label') ?? group;
  const box = label.getBoundingClientRect();
  const old = titleOf(group);
  const input = document.createElement('input');
  input.type = 'text';
  input.className = 'sl-rename';
  input.maxLength = MAX_TITLE;
  input.value = old;
  input.setAttribute('aria-label', `New title of ${id}`);
  input.style.left = `${Math.max(0, box.left)}px`;
  input.style.top = `${Math.max(0, box.top - 3)}px`;
  input.style.width = `${Math.max(180, box.width)}px`;
  document.body.appendChild(input);
  let closed = false;
  const close = (sent: boolean): void => {
    if (closed) return;
    closed = true;
    input.remove();
    done(sent);
  };
  input.addEventListener('keydown', (event) => {
    // Keys typed here are text, not chart commands.
    event.stopPropagation();
    if (event.key === 'Escape') {
      event.preventDefault();
      announce(`Rename of ${id} cancelled.`);
      close(false);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const title = input.value.trim();
      const problem = titleProblem(title);
      if (problem) {
        announce(problem);
        input.setAttribute('aria-invalid', 'true');
        return;
      }
      if (title === old.trim()) {
        close(false);
        return;
      }
      send({ kind: 'rename', id, title });
      announce(`Renaming ${id} to ${title}.`);
      close(true);
    }
  });
  input.addEventListener('input', () => input.removeAttribute('aria-invalid'));
  input.addEventListener('blur', () => close(false));
  input.focus();
  input.select();
}
