// Measures the extension host's event-loop stalls and says how much of each was Specline's
// (used by eventLoop.test.ts; not a suite itself: no `.test.` in the name).
import { readFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { SourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';

/** One stall of the event loop: CPU time this thread spent between two ticks of the monitor. */
export interface Stall {
  /** CPU time of this thread in the gap, at most its wall-clock length. */
  cpuMs: number;
  wallMs: number;
  /**
   * The part of `cpuMs` whose sampled stacks run through Specline's bundle, plus the
   * garbage collection in the stall in proportion to that part of the rest.
   */
  oursMs: number;
  /** The part of `cpuMs` sampled in the garbage collector (whoever allocated). */
  gcMs: number;
  /** Specline's functions sampled most in the stall (the innermost of Specline's frames), with their milliseconds. */
  hot: Array<{ where: string; ms: number }>;
  /** Specline's entry points in the stall (the outermost of Specline's frames), with their milliseconds. */
  from: Array<{ where: string; ms: number }>;
  /** The scripts (the innermost frame's that has one) sampled most outside Specline, with their milliseconds. */
  others: Array<{ where: string; ms: number }>;
}

export interface StallReport {
  /** The longest stall, whoever caused it. */
  worst: Stall;
  /** The stall with the most of Specline's code in it. */
  worstOurs: Stall;
  /** The longest stall the profiler took no sample in, which cannot be attributed (0 if none). */
  unsampledMs: number;
}

const NONE: Stall = { cpuMs: 0, wallMs: 0, oursMs: 0, gcMs: 0, hot: [], from: [], others: [] };

/** This thread's CPU time in milliseconds: per thread on Linux, else the whole process's. */
const threadCpuMs: () => number = (() => {
  try {
    const read = (): number => Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6;
    if (Number.isFinite(read())) return read;
  } catch { /* not Linux: the process's time below */ }
  return () => {
    const cpu = process.cpuUsage();
    return (cpu.user + cpu.system) / 1000;
  };
})();

/** Microseconds on the monotonic clock the V8 profiler stamps its samples with. */
const nowUs = (): number => Number(process.hrtime.bigint() / 1000n);

export interface CallFrame { functionName: string; url: string; lineNumber: number; columnNumber: number }
interface ProfileNode { id: number; callFrame: CallFrame; children?: number[] }
interface Profile { nodes: ProfileNode[]; startTime: number; samples?: number[]; timeDeltas?: number[] }

function post<T>(session: Session, method: string, params?: object): Promise<T> {
  return new Promise((resolve, reject) => {
    session.post(method, params, (error, result) => (error ? reject(error) : resolve(result as T)));
  });
}

/**
 * Starts recording stalls and a CPU profile of this thread; `stop()` attributes every stall
 * to the stacks sampled inside it. A stall counts as Specline's in proportion to its samples
 * whose stack has a frame from a script for which `isOurs(url)` holds: Specline's code and
 * whatever it calls (VS Code's API, JSON, the runtime), but not another extension's work
 * that merely runs in the same task. The profiler samples garbage collection without a
 * stack, so whoever allocated cannot be told: a stall's collection counts as Specline's in
 * the proportion Specline has of the stall's other samples (and is also reported whole as
 * `gcMs`).
 */
export async function monitorStalls(isOurs: (url: string) => boolean, locate: (frame: CallFrame) => string = (f) => f.functionName): Promise<{ stop(): Promise<StallReport> }> {
  const session = new Session();
  session.connect();
  await post(session, 'Profiler.enable');
  await post(session, 'Profiler.setSamplingInterval', { interval: 500 });
  const startUs = nowUs();
  await post(session, 'Profiler.start');
  const gaps: Array<{ fromUs: number; toUs: number; cpuMs: number; wallMs: number }> = [];
  let lastUs = nowUs();
  let lastCpu = threadCpuMs();
  const timer = setInterval(() => {
    const us = nowUs();
    const cpu = threadCpuMs();
    const wallMs = (us - lastUs) / 1000;
    const cpuMs = Math.min(wallMs, cpu - lastCpu);
    // Gaps under 5 ms cannot come near the limit; keeping them only costs memory.
    if (cpuMs >= 5) gaps.push({ fromUs: lastUs, toUs: us, cpuMs, wallMs });
    lastUs = us;
    lastCpu = cpu;
  }, 2);
  return {
    stop: async () => {
      clearInterval(timer);
      const { profile } = await post<{ profile: Profile }>(session, 'Profiler.stop');
      session.disconnect();
      // The samples are matched to the gaps by time: both clocks must be the same one.
      if (Math.abs(profile.startTime - startUs) > 1_000_000) {
        throw new Error(`the profiler's clock (${profile.startTime} µs) is not process.hrtime's (${startUs} µs)`);
      }
      return attribute(profile, gaps, isOurs, locate);
    },
  };
}

function attribute(profile: Profile, gaps: Array<{ fromUs: number; toUs: number; cpuMs: number; wallMs: number }>, isOurs: (url: string) => boolean, locate: (frame: CallFrame) => string): StallReport {
  // A node is ours when its frame or any caller's frame is in our scripts; `inner` is the
  // innermost of our frames on its stack.
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const kind = new Map<number, 'ours' | 'gc' | 'other'>();
  const inner = new Map<number, CallFrame>();
  const outer = new Map<number, CallFrame>();
  /** The innermost script on each node's stack, for stalls outside Specline. */
  const script = new Map<number, string>();
  const root = profile.nodes[0];
  const stack: Array<[number, CallFrame | undefined, CallFrame | undefined, string]> = root ? [[root.id, undefined, undefined, '']] : [];
  while (stack.length > 0) {
    const [id, inherited, entry, caller] = stack.pop()!;
    const node = byId.get(id);
    if (!node) continue;
    const ours = isOurs(node.callFrame.url) ? node.callFrame : inherited;
    const first = entry ?? (ours ? node.callFrame : undefined);
    kind.set(id, ours ? 'ours' : node.callFrame.functionName === '(garbage collector)' ? 'gc' : 'other');
    if (ours) inner.set(id, ours);
    if (first) outer.set(id, first);
    const where = node.callFrame.url ? node.callFrame.url.split('/').slice(-3).join('/') : caller;
    script.set(id, where || node.callFrame.functionName);
    for (const child of node.children ?? []) stack.push([child, ours, first, where]);
  }
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  const times: number[] = [];
  let t = profile.startTime;
  for (let i = 0; i < samples.length; i++) times.push((t += deltas[i] ?? 0));

  let worst = NONE;
  let worstOurs = NONE;
  let unsampledMs = 0;
  let first = 0;
  for (const gap of gaps) {
    while (first < times.length && times[first]! <= gap.fromUs) first++;
    let total = 0;
    let ours = 0;
    let gc = 0;
    const frames = new Map<CallFrame, number>();
    const entries = new Map<CallFrame, number>();
    const scripts = new Map<string, number>();
    for (let i = first; i < times.length && times[i]! <= gap.toUs; i++) {
      total++;
      const k = kind.get(samples[i]!);
      if (k === 'ours') {
        ours++;
        const frame = inner.get(samples[i]!)!;
        frames.set(frame, (frames.get(frame) ?? 0) + 1);
        const entry = outer.get(samples[i]!)!;
        entries.set(entry, (entries.get(entry) ?? 0) + 1);
      } else if (k === 'gc') gc++;
      else scripts.set(script.get(samples[i]!)!, (scripts.get(script.get(samples[i]!)!) ?? 0) + 1);
    }
    if (total === 0) unsampledMs = Math.max(unsampledMs, gap.cpuMs);
    const share = (n: number): number => (total ? (gap.cpuMs * n) / total : 0);
    const stall: Stall = {
      cpuMs: gap.cpuMs,
      wallMs: gap.wallMs,
      oursMs: share(ours + (total > gc ? (gc * ours) / (total - gc) : 0)),
      gcMs: share(gc),
      hot: [],
      from: [],
      others: [...scripts].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([where, n]) => ({ where, ms: share(n) })),
    };
    if (ours > 0) {
      const top = (counts: Map<CallFrame, number>): Array<{ where: string; ms: number }> => {
        const byPlace = new Map<string, number>();
        for (const [frame, n] of counts) byPlace.set(locate(frame), (byPlace.get(locate(frame)) ?? 0) + share(n));
        return [...byPlace].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([where, ms]) => ({ where, ms }));
      };
      stall.hot = top(frames);
      stall.from = top(entries);
    }
    if (stall.cpuMs > worst.cpuMs) worst = stall;
    if (stall.oursMs > worstOurs.oursMs) worstOurs = stall;
  }
  return { worst, worstOurs, unsampledMs };
}

/** A stall in a line: its CPU time, Specline's share and the garbage collector's. */
export function describeStall(s: Stall): string {
  const list = (l: Array<{ where: string; ms: number }>): string => l.map((h) => `${h.where} ${h.ms.toFixed(0)} ms`).join(', ');
  const hot = s.hot.length ? `; in ${list(s.hot)}; from ${list(s.from)}` : '';
  const others = s.others.length ? `; others: ${list(s.others)}` : '';
  return `${s.cpuMs.toFixed(0)} ms of CPU (Specline ${s.oursMs.toFixed(0)} ms, GC ${s.gcMs.toFixed(0)} ms${hot}${others}), ${s.wallMs.toFixed(0)} ms wall`;
}

/**
 * Names a frame of a bundled script by the source it was built from ("src/core/x.ts:12"),
 * through the bundle's source map (`<script>.map`); the bundle's minified name otherwise.
 */
export function sourceLocator(): (frame: CallFrame) => string {
  const maps = new Map<string, SourceMap | undefined>();
  return (frame) => {
    const file = frame.url.startsWith('file://') ? fileURLToPath(frame.url) : frame.url;
    if (!maps.has(file)) {
      try {
        maps.set(file, new SourceMap(JSON.parse(readFileSync(`${file}.map`, 'utf8')) as ConstructorParameters<typeof SourceMap>[0]));
      } catch {
        maps.set(file, undefined);
      }
    }
    const entry = maps.get(file)?.findEntry(frame.lineNumber, frame.columnNumber);
    if (!entry || !('originalSource' in entry)) return frame.functionName || '(anonymous)';
    const source = entry.originalSource.replace(/^.*?\/src\//, 'src/').replace(/^.*?node_modules\//, '');
    return `${source}:${entry.originalLine + 1}`;
  };
}
