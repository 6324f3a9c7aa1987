/**
 * A computation written as a generator (each `yield` a point where it may pause), run one
 * step at a time by whoever holds it, or finished at once. Unlike the bare generator it
 * keeps its result, so a second holder that finished it early still reads the value.
 */
export class SteppedRun<T> {
  private done = false;
  private value: T | undefined;

  constructor(private readonly steps: Generator<void, T, void>) {}

  /** Runs one step; true once the computation has finished. */
  step(): boolean {
    if (this.done) return true;
    const next = this.steps.next();
    if (next.done) {
      this.done = true;
      this.value = next.value;
    }
    return this.done;
  }

  /** Runs the remaining steps at once and returns the result. */
  finish(): T {
    while (!this.step()) { /* next step */ }
    return this.value as T;
  }

  /** The result (call after `step()` returned true). */
  result(): T {
    return this.finish();
  }
}
