import * as vscode from 'vscode';
import { renderFencedBlock } from '../../core/views/fencedBlock.js';
import type { IndexService } from '../indexService.js';
import { relativePath } from '../workspaceBridge.js';

/** The slice of markdown-it the fence hook needs (VS Code's preview passes its instance). */
interface FenceToken {
  info: string;
  content: string;
}
type FenceRule = (tokens: FenceToken[], idx: number, options: unknown, env: unknown, self: unknown) => string;
export interface MarkdownIt {
  renderer: { rules: { fence?: FenceRule } };
}

/**
 * Draws ```` ```specline-gantt ```` and ```` ```specline-roadmap ```` blocks in VS Code's own
 * Markdown preview. The preview renders synchronously, so blocks use the last published
 * analysis; when a newer analysis arrives while a preview shows our blocks, the preview is
 * asked to refresh, so charts follow edits to any plan, not only to the previewed file.
 */
export class MarkdownPreviewBlocks implements vscode.Disposable {
  private renderedAt = 0;
  private subscription: vscode.Disposable | undefined;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly service: () => IndexService | undefined) {}

  /** Subscribes to a (new) index service. */
  attach(service: IndexService): void {
    this.subscription?.dispose();
    this.subscription = service.onDidAnalyze(() => this.refreshSoon());
  }

  extend<T extends MarkdownIt>(md: T): T {
    const fallback = md.renderer.rules.fence;
    md.renderer.rules.fence = (tokens, idx, options, env, self) => {
      const token = tokens[idx];
      const html = this.render(token, env);
      if (html !== undefined) return html;
      return fallback ? fallback(tokens, idx, options, env, self) : `<pre><code>${escapeHtml(token.content)}</code></pre>`;
    };
    return md;
  }

  dispose(): void {
    this.subscription?.dispose();
    clearTimeout(this.refreshTimer);
  }

  private render(token: FenceToken, env: unknown): string | undefined {
    const info = token.info.trim();
    if (!info.startsWith('specline-')) return undefined;
    const document = (env as { currentDocument?: unknown } | undefined)?.currentDocument;
    const uri = document instanceof vscode.Uri ? document : undefined;
    const service = this.service();
    const index = uri ? service?.folderOf(uri) : service?.all()[0];
    const path = uri && index ? relativePath(index.folder, uri) : undefined;
    const html = renderFencedBlock(info, index?.analysis, token.content, path);
    if (html !== undefined) this.renderedAt = Date.now();
    return html;
  }

  /** Refresh open previews that drew a block recently (not every preview on every edit). */
  private refreshSoon(): void {
    if (this.renderedAt === 0) return;
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => {
      void vscode.commands.executeCommand('markdown.preview.refresh');
    }, 100);
  }
}

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
