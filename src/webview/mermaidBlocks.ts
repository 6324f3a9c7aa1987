/** The slice of mermaid's API used here (the bundled `media/mermaid.min.js` sets `window.mermaid`). */
interface MermaidApi {
  initialize(config: Record<string, unknown>): void;
  render(id: string, text: string): Promise<{ svg: string }>;
}

declare global {
  interface Window {
    mermaid?: MermaidApi;
  }
}

let loading: Promise<MermaidApi> | undefined;
let counter = 0;

/**
 * Loads the bundled mermaid once, on first use: most previews never need it, and it is
 * several megabytes of script. The script element carries this page's nonce, so the CSP
 * allows exactly this file and nothing injected.
 */
export function loadMermaid(url: string, nonce: string): Promise<MermaidApi> {
  loading ??= new Promise<MermaidApi>((resolve, reject) => {
    const script = document.createElement('script');
    script.nonce = nonce;
    script.src = url;
    script.onload = () => (window.mermaid ? resolve(window.mermaid) : reject(new Error('mermaid did not load')));
    script.onerror = () => reject(new Error('mermaid did not load'));
    document.head.appendChild(script);
  });
  return loading;
}

/** Mermaid settings no `%%{init}%%` directive in a diagram may change. */
export const MERMAID_SECURE_KEYS = [
  'secure', 'securityLevel', 'startOnLoad', 'maxTextSize', 'maxEdges', 'suppressErrorRendering',
  'theme', 'themeVariables', 'themeCSS', 'fontFamily', 'altFontFamily', 'htmlLabels', 'dompurifyConfig', 'gantt',
];

/** Mermaid's configuration for untrusted text: strict security, no directive can loosen it. */
export function mermaidConfig(dark: boolean): Record<string, unknown> {
  return {
    startOnLoad: false,
    securityLevel: 'strict',
    secure: MERMAID_SECURE_KEYS,
    theme: dark ? 'dark' : 'default',
    maxTextSize: 5_000_000,
    maxEdges: 50_000,
    gantt: { useMaxWidth: false, barHeight: 16, barGap: 4, fontSize: 11, sectionFontSize: 12 },
  };
}

/**
 * Renders every `[data-mermaid-source]` element: its text content (never its HTML) is the
 * diagram source, and mermaid's sanitised SVG replaces it. Failures show mermaid's message
 * as text.
 */
export async function renderMermaidBlocks(root: HTMLElement, bodyClasses: DOMTokenList): Promise<void> {
  const mermaid = window.mermaid;
  if (!mermaid) return;
  mermaid.initialize(mermaidConfig(bodyClasses.contains('vscode-dark') || bodyClasses.contains('vscode-high-contrast')));
  for (const block of root.querySelectorAll<HTMLElement>('[data-mermaid-source]')) {
    const text = block.textContent ?? '';
    const target = document.createElement('div');
    target.className = 'sl-mermaid';
    try {
      const { svg } = await mermaid.render(`sl-mermaid-${++counter}`, text);
      target.innerHTML = svg;
    } catch (error) {
      target.className = 'sl-mermaid-error';
      target.textContent = `Mermaid could not draw this chart: ${error instanceof Error ? error.message : String(error)}`;
    }
    if (block.isConnected) block.replaceWith(target);
  }
}
