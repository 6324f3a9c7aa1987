import type { WebviewMessage } from '../core/views/protocol.js';

/** The part of the webview API VS Code injects that the previews use. */
export interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

/** The API, acquired once (VS Code allows a single call per page). */
export function vscodeApi(): VsCodeApi {
  return acquireVsCodeApi();
}
