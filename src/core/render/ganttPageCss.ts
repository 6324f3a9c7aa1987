/**
 * Layout of the banded chart on a standalone page (the HTML export; see `pageBandedChart`).
 * Static text of ours (no `<` or `&`).
 *
 * On screen the chart box scrolls both ways within the window, so the axis header can stay
 * in view above the rows (`sticky` sticks inside the nearest scrolling box), and bands off
 * screen are neither laid out nor painted (`content-visibility: auto`; each band's height
 * is set on it, so the scroll height is right without them).
 *
 * In print every band is drawn (`content-visibility` would skip bands never scrolled to),
 * the header is printed once at the top rather than stuck over the rows, the chart is
 * scaled down to the page width, and pages break between bands, never inside one: a band
 * is a few dozen rows, so it fits on a page.
 */
export const GANTT_PAGE_CSS = `
.sl-scroll-bands { max-height: calc(100vh - 32px); }
.sl-gantt-pages { position: relative; }
.sl-gantt-pages > svg, .sl-gantt-pages .sl-band > svg { display: block; }
.sl-gantt-head { position: sticky; top: 0; z-index: 1; }
.sl-gantt-pages .sl-band { content-visibility: auto; }
@media print {
  @page { size: landscape; margin: 10mm; }
  body { padding: 0; }
  .sl-scroll, .sl-scroll-bands { max-height: none; overflow: visible; border: none; }
  .sl-gantt-pages { width: auto !important; }
  .sl-gantt-head { position: static; }
  .sl-gantt-pages > svg, .sl-gantt-pages .sl-band > svg { max-width: 100%; height: auto; }
  .sl-gantt-pages .sl-band { content-visibility: visible; height: auto !important; break-inside: avoid; }
}
`;
