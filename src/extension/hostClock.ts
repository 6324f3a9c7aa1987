import type { LiveClock } from '../core/live/liveIndex.js';

/**
 * The extension host's clock for the core's live index and for everything built in slices:
 * timers, a monotonic "now", and `setImmediate` to let the host run what waits before
 * going on (other extensions' work, and VS Code's messages).
 */
export const HOST_CLOCK: LiveClock = {
  now: () => performance.now(),
  yieldToHost: () => new Promise((resolve) => setImmediate(resolve)),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};
