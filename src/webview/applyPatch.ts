/**
 * Applies a keyed block patch (host message `patch`) to the preview's content: blocks
 * named in `keys` but not in `blocks` stay exactly as they are in the page (no re-parse,
 * no style or layout of their subtree), new and changed ones are parsed from the host's
 * escaped markup, blocks no longer listed are removed, and the order becomes `keys`.
 *
 * Everything is checked before the page is touched: if a kept block is missing, a key
 * repeats or a block's markup is not one element with its own key, nothing changes and
 * the caller asks the host for a whole render.
 */
export function applyPatch(content: Element, keys: readonly string[], blocks: readonly { key: string; html: string }[]): Element[] | undefined {
  if (new Set(keys).size !== keys.length) return undefined;
  const container = content.querySelector('[data-block]')?.parentElement;
  if (!container) return undefined;
  const existing = new Map<string, Element>();
  for (const el of container.children) {
    const key = el.getAttribute('data-block');
    if (key !== null) existing.set(key, el);
  }

  // One parse for all new blocks: cheaper than one per block, and order tells them apart.
  const template = document.createElement('template');
  template.innerHTML = blocks.map((b) => b.html).join('');
  const parsed = [...template.content.children];
  if (parsed.length !== blocks.length) return undefined;
  const fresh = new Map<string, Element>();
  for (let i = 0; i < blocks.length; i++) {
    if (parsed[i].getAttribute('data-block') !== blocks[i].key) return undefined;
    fresh.set(blocks[i].key, parsed[i]);
  }
  const wanted: Element[] = [];
  for (const key of keys) {
    const el = fresh.get(key) ?? existing.get(key);
    if (!el) return undefined;
    wanted.push(el);
  }

  const keep = new Set(wanted);
  for (const el of existing.values()) if (!keep.has(el)) el.remove();
  let next: Element | null = container.firstElementChild;
  for (const el of wanted) {
    if (el === next) {
      next = next.nextElementSibling;
      continue;
    }
    container.insertBefore(el, next);
  }
  return [...fresh.values()];
}
