import type { Parameters } from 'fast-check';

/**
 * Seed and size of every fuzz property. `FUZZ_SEED` fixes the seed (a failure prints the
 * seed and counterexample to rerun with); `FUZZ_RUNS` is the total number of cases across
 * the fuzz suite, shared out by each property's weight (default {@link DEFAULT_RUNS}).
 */
const DEFAULT_RUNS = 11_000;

/** Weights sum to 1: cheap properties get more cases than whole-workspace ones. */
export type FuzzWeight = number;

function readSettings(): { seed: number; total: number } {
  const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : (Date.now() ^ (Math.random() * 0x7fffffff)) | 0;
  const total = process.env.FUZZ_RUNS ? Number(process.env.FUZZ_RUNS) : DEFAULT_RUNS;
  if (!Number.isInteger(seed) || !Number.isInteger(total) || total < 1) throw new Error(`FUZZ_SEED and FUZZ_RUNS must be integers, got ${process.env.FUZZ_SEED} and ${process.env.FUZZ_RUNS}`);
  // Printed once per process, so every run (and every failure) can be repeated.
  console.log(`fuzz seed=${seed} runs=${total}`);
  return { seed, total };
}

const settings = readSettings();

/** fast-check parameters for a property that gets `weight` of the total runs. */
export function fuzzParameters<T>(weight: FuzzWeight): Parameters<T> {
  return { seed: settings.seed, numRuns: Math.max(1, Math.round(settings.total * weight)), endOnFailure: false, verbose: 1 };
}

/** A hang watchdog for one fuzz test, generous and growing with the runs: it bounds a stall, it does not measure speed. */
export function fuzzTimeout(): number {
  return 300_000 * Math.max(1, settings.total / DEFAULT_RUNS);
}
