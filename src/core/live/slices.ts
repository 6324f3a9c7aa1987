/** How a host lends its thread: a clock, and a way to let other work run before going on. */
export interface SliceHost {
  /** Milliseconds, monotonic. */
  now(): number;
  /** Resolves after the host has run whatever was waiting (a `setImmediate` in Node). */
  yieldToHost(): Promise<void>;
}

/**
 * Default slice: long enough that the steps' fixed cost is small, short enough that a
 * slice plus its longest step stays well under the 50 ms a shared host may be held.
 */
export const SLICE_MS = 8;

/**
 * Runs a generator's steps, giving the host its thread back whenever a slice of `sliceMs`
 * is used up. The result is the generator's, unchanged: slicing changes only when the
 * steps run, never what they compute.
 */
export async function runInSlices<T>(steps: Generator<void, T, void>, host: SliceHost, sliceMs = SLICE_MS): Promise<T> {
  let sliceStart = host.now();
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    if (host.now() - sliceStart >= sliceMs) {
      await host.yieldToHost();
      sliceStart = host.now();
    }
  }
}
