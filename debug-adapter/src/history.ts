// Going back in time: stepBack and reverseContinue by deterministic re-execution.
//
// The adapter never stores the run. To go back from instruction N it replays the program from the
// start twice in a fresh DebugProgram (same code, same stdin, the allocator restored to its state
// at the first start, so ids are the same):
//   1. a scan up to N in `record` mode, which remembers only the last candidate targets (the last
//      line event in this frame or a caller, the last breakpoint hit) — O(1) memory;
//   2. a seek to the chosen target T < N, whose state then *is* the old run's state at T.
// The cost is time (two replays of up to N instructions), not memory; `historySize` bounds N.
// A program changed by setVariable/setExpression cannot be replayed (the replay would not
// include the change), so going back is refused after an edit.

import type { DebugProgram, ReplayRecord, StepGranularity } from '../../runtime/src/inspect/index';

export type GoBackKind = 'stepBack' | 'reverseContinue';

export interface ReplayState {
  phase: 'scan' | 'final';
  purpose: GoBackKind;
  granularity: StepGranularity;
  program: DebugProgram;
  record: ReplayRecord | null;
  /** The instruction count where the user was (N). */
  origin: number;
  /** The stop reason to report when the final replay arrives. */
  reason: 'step' | 'breakpoint' | 'entry';
}

/** Default bound on how many instructions a replay may run (a few seconds of work). */
export const DEFAULT_HISTORY_SIZE = 50_000_000;

export class History {
  /** Set when the user changed the program (setVariable): replays would diverge from then on. */
  editedAt: number | null = null;

  constructor(readonly limit: number) {}

  /** Why going back from `origin` is not possible, or null. */
  refusal(origin: number): string | null {
    if (this.limit <= 0) return "going back is off (launch attribute 'historySize' is 0)";
    if (this.editedAt !== null) return `the program was changed while stopped (at instruction ${this.editedAt}): a replay would not be the same run`;
    if (origin > this.limit) return `going back replays the run from the start, which is limited to ${this.limit} instructions (launch attribute 'historySize'); this stop is at instruction ${origin}`;
    return null;
  }

  static emptyRecord(targetDepth: number): ReplayRecord {
    return { targetDepth, lastShallowerLine: -1, lastSameDepthLine: -1, lastSameDepthFrame: null, lastBreakpoint: -1, firstLine: -1, targetFrame: null };
  }

  /**
   * Where the scan says to go. Step back by line: the previous line event of this frame (or of a
   * caller, when this frame has none before); by instruction: the previous instruction.
   * Reverse continue: the last breakpoint hit before, else the start of the program.
   */
  static target(state: ReplayState): { target: number; reason: ReplayState['reason'] } {
    const r = state.record!;
    const scanTop = r.targetFrame;
    const start = r.firstLine >= 0 && r.firstLine < state.origin ? r.firstLine : state.origin;
    if (state.purpose === 'reverseContinue') {
      return r.lastBreakpoint >= 0 ? { target: r.lastBreakpoint, reason: 'breakpoint' } : { target: start, reason: 'entry' };
    }
    if (state.granularity === 'instruction') return { target: Math.max(1, state.origin - 1), reason: 'step' };
    const sameFrame = r.lastSameDepthFrame === scanTop ? r.lastSameDepthLine : -1;
    const target = Math.max(sameFrame, r.lastShallowerLine);
    return { target: target >= 0 ? target : start, reason: 'step' };
  }
}
