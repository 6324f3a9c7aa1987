/** One floating tooltip for the whole page; text only (assigned with textContent). */
export class Tooltip {
  constructor(private readonly el: HTMLElement) {}

  show(text: string, at: MouseEvent): void {
    if (!text) return this.hide();
    if (this.el.textContent !== text) this.el.textContent = text;
    this.el.hidden = false;
    this.move(at);
  }

  move(at: MouseEvent): void {
    if (this.el.hidden) return;
    const pad = 14;
    const { innerWidth, innerHeight } = window;
    const box = this.el.getBoundingClientRect();
    let x = at.clientX + pad;
    let y = at.clientY + pad;
    // Flip to the other side of the pointer rather than run off the panel.
    if (x + box.width > innerWidth - 4) x = Math.max(4, at.clientX - pad - box.width);
    if (y + box.height > innerHeight - 4) y = Math.max(4, at.clientY - pad - box.height);
    this.el.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
  }

  hide(): void {
    this.el.hidden = true;
  }
}
