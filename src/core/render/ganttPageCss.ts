import pageCss from './ganttPage.css.js';

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
export const GANTT_PAGE_CSS: string = pageCss;
