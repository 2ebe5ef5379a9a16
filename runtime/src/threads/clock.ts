// The virtual clock: what time.time/monotonic/perf_counter/sleep see, and what the GIL's switch
// interval is measured on, so the same program and settings give the same interleaving on every
// run, whatever the machine's load.
//
// Cost model: the eval loop does not count instructions (that would be a per-instruction cost);
// it counts eval-breaker ticks, which CPython 3.11 also uses as its only switch points: a
// function's RESUME and a loop's backward jump. Each tick advances the clock by TICK_NS = 200 ns,
// standing for the ~5 instructions between two ticks in typical code at ~40 ns per instruction
// (CPython 3.11 on a laptop). Native calls cost nothing; blocking calls (sleep, a timeout) move
// the clock to their deadline when no thread can run before it.
//
// Invariant: time only moves forward; `nowNs` is exact between ticks (the scheduler folds the
// ticks the running thread consumed since it last armed the interpreter's budget).

/** Virtual nanoseconds per eval-breaker tick (a RESUME or a backward jump). */
export const TICK_NS = 200;

export class VirtualClock {
  /** Virtual nanoseconds at the moment the budget was last armed. */
  baseNs = 0;
  /** Wall-clock epoch seconds at start: time.time() is this plus the virtual elapsed time. */
  readonly epochStart = Date.now() / 1000;
  /** Switch clock reads to the host's real time (a run option); scheduling stays virtual. */
  realTime = false;
}
