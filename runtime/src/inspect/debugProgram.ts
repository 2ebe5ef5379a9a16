// A program under a debugger: the same setup as `runProgram` (builtins, sys, __main__), but run
// in slices that stop between any two instructions, so a debug adapter can answer pause, step by
// line or by instruction, and breakpoints without ever blocking its event loop.
//
// Owns: when to stop (line events with CPython 3.11's rule — a new line, or a jump back to a line
// start; function and instruction breakpoints; step over/in/out by line or instruction; pause at
// the next instruction; the instruction limit), and how the run ended (exit code, traceback text).
// Observation goes only through the interpreter's one hook (`observed` + `observer`), which the
// loop calls before each instruction; nothing here touches a refcount. The setup is runProgram's
// own (prepareProgram), so a debugged program behaves as `pyxray run`.
//
// Stops inside native callbacks (class bodies, a __repr__ called by print, sorted's key=, __eq__
// from a dict lookup): there the loop runs in a nested activation whose JS caller waits for a
// result, so it cannot pause and return. The observer is still called (`nested`), and a stop
// there is synchronous: `onNestedStop` runs the debugger's conversation right inside the observer
// (the adapter reads its requests from stdin synchronously) and returns when the user resumes.
// To leave such a stop for good (going back in time, terminate), the callback throws AbandonRun,
// which every activation lets through; the program is then discarded.
//
// While nothing needs every instruction, instructions of code objects without breakpoints are
// only counted (the fast path); line tracking catches up when a step starts or a replay arrives.
//
// Data breakpoints (dataWatch.ts) are compared at line events while any is set. Exceptions: the
// VM tells the debugger each time an unwinding exception reaches a frame (vm/unwind.ts
// observeExceptions), before the frame's handler runs or the frame exits, so 'raised' stops at
// the raise point (the first frame of the program's file it reaches) and 'uncaught' stops as
// soon as nothing can catch it any more (no handler in any frame up to the module, no native
// caller in between) — both with the frames alive, synchronously (onNestedStop). Without a
// synchronous handler, 'raised' stops at the next instruction (the handler) and 'uncaught' when
// the exception has left the module (post-mortem: the traceback still names the frames).
// 'user uncaught' watches library handlers: at their first instruction (PUSH_EXC_INFO).
//
// Going back in time (stepBack, reverseContinue) is deterministic re-execution: the same program
// with the same stdin runs the same instructions, so a fresh DebugProgram `seek`s to instruction
// N of the old run and is in the very same state. `record` mode, during such a replay, remembers
// where line events and breakpoints were (O(1) memory: only the last candidates), so the target of
// a step back is known when the replay reaches the current instruction.

import { prepareProgram, type PreparedProgram } from '../vm/program';
import type { CodeObject } from '../compiler/codeObject';
import { getInstructions } from '../compiler/disassembler';
import { lineStarts } from '../compiler/linetable';
import * as op from '../compiler/opcodes';
import type { PyObject } from '../objects/pyobject';
import type { PyCode } from '../objects/code';
import type { PyDict } from '../objects/dict';
import { GeneratorExit, PyBaseException, StopAsyncIteration, StopIteration, SystemExit } from '../objects/exceptions';
import { decref, heap } from '../memory/heap';
import { changedWatches, type DataWatch } from './dataWatch';
import { Interpreter, LimitExceeded } from '../vm/interpreter';
import type { Frame } from '../vm/frame';
import type { Host } from '../vm/host';
import type { Condition } from './conditions';
import { PyFrameObject, PyTraceback } from '../objects/traceback';
import { findHandler, observeExceptions } from '../vm/unwind';
import { formatException } from '../vm/traceback';
import { gcState } from '../memory/gc/pyGc';
import { stdlibFileText, STDLIB_DIR } from '../modules/stdlib';
import { PyStr } from '../objects/str';

export type StepGranularity = 'line' | 'instruction';
export type StepKind = 'over' | 'in' | 'out';

/** Why `run` returned. */
export type DebugStop =
  | { kind: 'slice' }
  | { kind: 'entry' }
  | { kind: 'pause' }
  /** `lineEvent` is false for the stop in the caller right after a return (mid-line). */
  | { kind: 'step'; lineEvent: boolean }
  /** `conditionError`: the condition could not be evaluated (the stop shows why). */
  | { kind: 'breakpoint'; lines: number[]; conditionError?: string }
  | { kind: 'function breakpoint'; qualname: string }
  | { kind: 'instruction breakpoint'; offset: number }
  /** `ids`: the data breakpoints whose value changed in the statement just run. */
  | { kind: 'data breakpoint'; ids: string[]; description: string }
  /**
   * `uncaught`: nothing will catch it; the program ends when it goes on. `unwinding`: stopped
   * while the exception unwinds — the frames are alive, each at the instruction it runs (lasti),
   * and the traceback holds the frames it left. Otherwise an uncaught exception has left the
   * module (a post-mortem stop: only the traceback names the frames), and a caught one is at its
   * handler's first instruction.
   */
  | { kind: 'exception'; exception: PyBaseException; uncaught: boolean; unwinding: boolean }
  /** A cyclic GC collection just finished (only with `stopOnGc`). */
  | { kind: 'gc'; generation: number; collected: number; uncollectable: number; automatic: boolean }
  /** Another thread took the GIL (only with `stopOnGilSwitch`); ids as in schedulerView. */
  | { kind: 'gil switch'; from: number; to: number }
  /** The simulated heap would have grown beyond maxHeapBytes; the program ends when it goes on. */
  | { kind: 'heap limit'; bytes: number; limit: number }
  /** A seek (replay) reached its target instruction. */
  | { kind: 'seek done' }
  /** The run was left for good from a synchronous stop (AbandonRun); the program is discarded. */
  | { kind: 'abandoned' }
  | { kind: 'exited'; exitCode: number };

/**
 * Thrown through every activation of the VM (a LimitExceeded, which nothing catches) to leave a
 * run for good: a replay's scan reached its target inside a nested activation ('seek done'), or
 * the user left a synchronous stop to go back in time or to end the session ('abandoned').
 */
export class AbandonRun extends LimitExceeded {
  constructor(readonly reason: 'seek done' | 'abandoned') {
    super(`run abandoned (${reason})`);
  }
}

/**
 * The simulated heap (arenas, large blocks, the brk heap) would grow beyond maxHeapBytes. Thrown
 * by the allocator where the memory is asked for, through every activation (a LimitExceeded,
 * which nothing catches): the frames stay as they were, to be looked at, and the run then ends.
 */
export class HeapLimitExceeded extends LimitExceeded {
  constructor(readonly bytes: number, readonly limit: number) {
    super(`the simulated heap would grow to ${bytes} bytes, beyond maxHeapBytes (${limit})`);
  }
}

/** The observer's own stop for the instruction limit (ends the run; never shown as a stop). */
const LIMIT_REACHED = { kind: 'limit' } as const;

/** A line breakpoint with its DAP refinements. `hits` counts the times its line was reached. */
export interface LineBreakpoint {
  condition: Condition | null;
  hitCondition: ((hits: number) => boolean) | null;
  /** A logpoint: print this text (its {expressions} evaluated) to the debug console, never stop. */
  logMessage: ((frame: Frame) => string) | null;
  hits: number;
}

export interface DebugProgramOptions {
  /** Where logpoint messages go (the debug console). */
  onLog?: (text: string) => void;
  /** Stop the run (exit code 1, a message on stderr) after this many instructions. */
  maxInstructions?: number;
  /**
   * Stop (a 'heap limit' stop, frames intact) when the simulated heap — arenas, large blocks and
   * the brk heap, the interpreter's own start-up objects included — would grow beyond this many
   * bytes; the run then ends with exit code 1 and a message on stderr.
   */
  maxHeapBytes?: number;
  /** Stop at the first line event of the module. */
  stopOnEntry?: boolean;
  /**
   * A stop inside a nested activation: handle it synchronously and return to go on (or throw
   * AbandonRun). Without it, nested code runs observed (counted, traced) but never stops.
   */
  onNestedStop?: (stop: DebugStop) => void;
  /**
   * Called every `nestedPollInstructions` instructions run in nested activations, where the
   * adapter's event loop cannot run: it may read pending requests (a pause) synchronously.
   */
  onNestedPoll?: () => void;
  nestedPollInstructions?: number;
  /** The thread scheduler's options (seed, switch interval), as `pyxray run` takes them. */
  run?: { seed?: number; switchInterval?: number };
  /** Stop each time another thread takes the GIL. */
  stopOnGilSwitch?: boolean;
  /** gc.set_threshold's initial values. */
  gcThresholds?: number[];
}

/** Which exceptions stop the program (DAP exception breakpoint filters). */
export interface ExceptionStops {
  /** Every exception raised in the program's file (or reaching it from a library), at its raise point. */
  raised: boolean;
  /** An exception that ends the program, as soon as nothing can catch it. */
  uncaught: boolean;
  /** An exception raised in the program's file and caught by library code (or ending the program). */
  userUncaught?: boolean;
}

/**
 * What a replay's `record` mode learned by the time it reached its seek target: the instruction
 * counts a step back or a reverse continue should go to (-1: none before the target).
 */
export interface ReplayRecord {
  /** Depth (frames) of the frame at the target; set by the caller before the replay. */
  targetDepth: number;
  /** The last line event before the target in a shallower frame. */
  lastShallowerLine: number;
  /** The last line event before the target at targetDepth, and the frame it happened in. */
  lastSameDepthLine: number;
  lastSameDepthFrame: Frame | null;
  /** The last line event at which a breakpoint would have stopped (conditions true, hit counts ignored). */
  lastBreakpoint: number;
  /** The first line event of the run. */
  firstLine: number;
  /** The frame the run was in at the target (the scan ends there). */
  targetFrame: Frame | null;
}


/** What the debugger remembers about a frame to recognise line events (CPython's instr_prev). */
interface FrameTrace {
  lastIp: number;
  lastLine: number;
  lastOpcode: number;
  /** Still in the prologue (MAKE_CELL / COPY_FREE_VARS / RESUME): those are no line events. */
  inPrologue: boolean;
}

interface StepRequest {
  kind: StepKind;
  granularity: StepGranularity;
  depth: number;
  frame: Frame;
  /** Step into the call made by the CALL at this byte offset of `frame` (DAP stepIn targets). */
  targetOffset?: number;
}

/** Every code object of a module, the module first, nested ones in constant order. */
export function allCodeObjects(module: CodeObject): CodeObject[] {
  const out: CodeObject[] = [];
  const visit = (co: CodeObject) => {
    out.push(co);
    for (const c of co.co_consts) if (isCodeObject(c)) visit(c);
  };
  visit(module);
  return out;
}

function isCodeObject(c: unknown): c is CodeObject {
  return typeof c === 'object' && c !== null && 'co_code' in c && 'co_linetable' in c;
}

/** The lines on which some code object starts an instruction (co_lines), without line 0. */
export function linesWithCode(module: CodeObject): number[] {
  const lines = new Set<number>();
  for (const co of allCodeObjects(module)) {
    for (const line of lineStarts(co.co_linetable, co.co_firstlineno).values()) if (line > 0) lines.add(line);
  }
  return [...lines].sort((a, b) => a - b);
}

/**
 * Lines whose code runs only in class bodies. __build_class__ runs a class body in a nested
 * activation of the eval loop, where only a debugger that can stop synchronously (onNestedStop)
 * stops; an adapter without one warns on breakpoints there.
 */
export function linesOnlyInClassBodies(module: CodeObject): Set<number> {
  const observed = new Set<number>();
  const classOnly = new Set<number>();
  for (const co of allCodeObjects(module)) {
    const isClassBody = co.co_name !== '<module>' && (co.co_flags & 0x3) === 0; // not OPTIMIZED|NEWLOCALS
    for (const line of lineStarts(co.co_linetable, co.co_firstlineno).values()) {
      if (line > 0) (isClassBody ? classOnly : observed).add(line);
    }
  }
  for (const line of observed) classOnly.delete(line);
  return classOnly;
}

/** The code unit of a code object's RESUME (the end of its prologue), cached. */
const resumeUnits = new WeakMap<CodeObject, number>();
function resumeUnit(co: CodeObject): number {
  let unit = resumeUnits.get(co);
  if (unit === undefined) {
    unit = co.co_code.findIndex((word) => (word & 255) === op.RESUME);
    resumeUnits.set(co, unit);
  }
  return unit;
}

/** Per code object: code unit index → line (or -1), decoded once. */
const lineCache = new WeakMap<CodeObject, Int32Array>();
export function lineOfUnit(co: CodeObject, unit: number): number {
  let table = lineCache.get(co);
  if (table === undefined) {
    table = new Int32Array(co.co_code.length).fill(-1);
    for (const ins of getInstructions(co)) table[ins.offset / 2] = ins.positions.lineno ?? -1;
    // units inside an instruction (CACHE) keep -1; the observer only sees instruction starts
    lineCache.set(co, table);
  }
  return unit < table.length ? table[unit] : -1;
}

/**
 * Does the handler starting at `unit` (its PUSH_EXC_INFO) catch exceptions — an `except` clause
 * (CHECK_EXC_MATCH, or a bare `except:` popping the exception at once) — rather than clean up and
 * re-raise (`finally`, `with`)?
 */
function handlerCatches(co: CodeObject, unit: number): boolean {
  const code = co.co_code;
  if ((code[unit + 1] & 255) === op.POP_TOP) return true;
  for (let i = unit + 1; i < code.length; i++) {
    const opcode = code[i] & 255;
    if (opcode === op.CHECK_EXC_MATCH || opcode === op.CHECK_EG_MATCH) return true;
    if (opcode === op.RERAISE || opcode === op.WITH_EXCEPT_START || opcode === op.PUSH_EXC_INFO) return false;
  }
  return false;
}

/**
 * Exceptions that end an iteration or close a generator: flow control, not errors — 'raised'
 * does not stop on them (as debugpy does not), or every `for` over an iterator class would stop.
 */
function isControlFlow(exc: PyBaseException): boolean {
  const t = exc.ob_type;
  return t.isSubtypeOf(StopIteration) || t.isSubtypeOf(StopAsyncIteration) || t.isSubtypeOf(GeneratorExit);
}

/** A frame that has exited, as an uncaught exception's traceback still names it (post-mortem). */
export interface PostMortemFrame {
  code: CodeObject;
  /** Byte offset of the instruction that was executing. */
  offset: number;
  globals: PyDict;
}

/** The frames of an exception's traceback, innermost first. */
export function tracebackFrames(exc: PyBaseException): PostMortemFrame[] {
  const out: PostMortemFrame[] = [];
  for (let tb = exc.traceback; tb instanceof PyTraceback; tb = tb.next) {
    out.push({ code: tb.frame.code.co, offset: tb.lasti * 2, globals: tb.frame.globals });
  }
  return out.reverse();
}

export class DebugProgram {
  readonly interp: Interpreter;
  readonly mainGlobals: PyDict;
  private readonly program: PreparedProgram;
  private started = false;
  private finished: { exitCode: number } | null = null;
  /** Instructions observed so far (the limit counts these). */
  instructionCount = 0;
  private sliceRemaining = 0;
  private pending: DebugStop | typeof LIMIT_REACHED | null = null;
  /** The instruction we stopped before: the loop shows it to the observer again on resume. */
  private skipNextObservation = false;
  private pauseRequested = false;
  private step: StepRequest | null = null;
  private stopOnEntry: boolean;
  private readonly maxInstructions: number;
  private readonly traces = new WeakMap<Frame, FrameTrace>();
  private lastFrame: Frame | null = null;
  private lastTrace: FrameTrace | null = null;
  private lastCode: CodeObject | null = null;
  private lastLines: Int32Array = new Int32Array(0);
  /** Data breakpoints, compared at line events (see dataWatch.ts). */
  get watches(): DataWatch[] {
    return this._watches;
  }
  set watches(w: DataWatch[]) {
    this._watches = w;
    this.modeDirty = true;
  }
  private _watches: DataWatch[] = [];
  /** Exception filters; assign (even the same object after changing it) so the mode is recomputed. */
  get exceptionStops(): ExceptionStops {
    return this._exceptionStops;
  }
  set exceptionStops(e: ExceptionStops) {
    this._exceptionStops = e;
    this.modeDirty = true;
  }
  private _exceptionStops: ExceptionStops = { raised: false, uncaught: false };
  /** Exceptions already stopped on (a `finally` or `with` handler re-raising the same one stops once). */
  private readonly exceptionsShown = new WeakSet<PyBaseException>();
  /** Exceptions already shown as uncaught (the post-mortem stop is then skipped). */
  private readonly uncaughtShown = new WeakSet<PyBaseException>();
  /** An uncaught exception shown post-mortem: the next `run` ends the program with it. */
  private uncaught: PyBaseException | null = null;
  private readonly maxHeapBytes: number | undefined;
  /** The heap limit was reached: the next `run` ends the program. */
  private heapLimitReached: HeapLimitExceeded | null = null;
  /** Replay: run without stopping until instructionCount reaches this (then stop 'seek done'). */
  private seekTarget = -1;
  /** Replay: what the run looked like before the seek target (for stepBack / reverseContinue). */
  record: ReplayRecord | null = null;

  /** Line breakpoints of the program file (lines already moved onto code). */
  get lineBreakpoints(): Map<number, LineBreakpoint> {
    return this._lineBreakpoints;
  }
  set lineBreakpoints(m: Map<number, LineBreakpoint>) {
    this._lineBreakpoints = m;
    this.modeDirty = true;
  }
  private _lineBreakpoints = new Map<number, LineBreakpoint>();
  private readonly onLog: (text: string) => void;
  private readonly onNestedStop: ((stop: DebugStop) => void) | null;
  private readonly onNestedPoll: (() => void) | null;
  private readonly nestedPollInstructions: number;
  private nestedPollCountdown: number;
  private readonly stopOnGilSwitch: boolean;
  /** The thread that ran the previous instruction (for stopOnGilSwitch). */
  private lastThread: unknown = null;
  /** Function breakpoints: stop at the first line of a call of a code object with this name or qualname. */
  get functionBreakpoints(): Set<string> {
    return this._functionBreakpoints;
  }
  set functionBreakpoints(s: Set<string>) {
    this._functionBreakpoints = s;
    this.modeDirty = true;
  }
  private _functionBreakpoints = new Set<string>();
  /** Instruction breakpoints: code object → byte offsets. */
  get instructionBreakpoints(): Map<CodeObject, Set<number>> {
    return this._instructionBreakpoints;
  }
  set instructionBreakpoints(m: Map<CodeObject, Set<number>>) {
    this._instructionBreakpoints = m;
    this.modeDirty = true;
  }
  private _instructionBreakpoints = new Map<CodeObject, Set<number>>();

  // ---- the fast path: while nothing needs every instruction (no step, no data breakpoint, no
  // exception filter, no GIL-switch stop), instructions of code objects without any breakpoint
  // are only counted. Their frames' line tracking is brought up to date (resyncTraces) when a
  // step starts or a replay arrives, so line events stay CPython's.
  private modeDirty = true;
  private fast = false;
  /** Code objects of the program with a line, function or instruction breakpoint. */
  private tracked = new Set<CodeObject>();
  /** The last code object found untracked (saves a Set lookup per instruction). */
  private fastCode: CodeObject | null = null;

  private refreshMode(): void {
    if (this.modeDirty) {
      this.modeDirty = false;
      const tracked = new Set<CodeObject>();
      const lines = this._lineBreakpoints;
      for (const co of allCodeObjects(this.code)) {
        if (this._instructionBreakpoints.has(co) || this._functionBreakpoints.has(co.co_name) || this._functionBreakpoints.has(co.co_qualname)) tracked.add(co);
        else if (lines.size > 0) {
          for (const line of lineStarts(co.co_linetable, co.co_firstlineno).values()) {
            if (lines.has(line)) {
              tracked.add(co);
              break;
            }
          }
        }
      }
      this.tracked = tracked;
      this.fastCode = null;
    }
    const e = this._exceptionStops;
    observeExceptions(this.interp, e.raised || e.uncaught || e.userUncaught === true ? this.onException : null);
    this.fast = this.step === null && e.userUncaught !== true && !this.stopOnGilSwitch && this.requested === null
      && this._watches.length === 0 && !this.stopOnEntry && (this.seekTarget < 0 || this.record === null);
  }

  /**
   * Bring every frame's line tracking up to date with where it is (after instructions ran on the
   * fast path): the top frame is before `ip`, its callers inside the CALL at `lasti`.
   */
  private resyncTraces(): void {
    for (let f = this.interp.frame, top = true; f !== null; f = f.previous, top = false) {
      const co = f.code.co;
      const unit = top ? f.ip : f.lasti;
      let trace = this.traces.get(f);
      if (trace === undefined) this.traces.set(f, (trace = { lastIp: -1, lastLine: -1, lastOpcode: -1, inPrologue: true }));
      trace.lastIp = unit;
      trace.lastLine = lineOfUnit(co, unit);
      trace.lastOpcode = co.co_code[unit] & 255;
      // At the RESUME itself the prologue is over: that instruction counts as observed.
      trace.inPrologue = unit < resumeUnit(co);
    }
  }

  constructor(readonly code: CodeObject, readonly host: Host, options: DebugProgramOptions = {}) {
    this.stopOnEntry = options.stopOnEntry ?? false;
    this.onLog = options.onLog ?? (() => {});
    this.maxInstructions = options.maxInstructions ?? Infinity;
    this.maxHeapBytes = options.maxHeapBytes;
    // Exactly runProgram's setup (builtins, sys, __main__, imports, hooks), driven in slices here.
    this.program = prepareProgram(code, host, options.run ?? {});
    this.stopOnGilSwitch = options.stopOnGilSwitch === true;
    const t = options.gcThresholds;
    if (t !== undefined && t.length > 0) gcState().collector.setThreshold(t[0], t[1], t[2]);
    const interp = this.program.interp;
    this.interp = interp;
    this.mainGlobals = this.program.mainGlobals;
    this.onNestedStop = options.onNestedStop ?? null;
    this.onNestedPoll = options.onNestedPoll ?? null;
    this.nestedPollInstructions = options.nestedPollInstructions ?? 20_000;
    this.nestedPollCountdown = this.nestedPollInstructions;
    interp.observer = this.observe;
    interp.observed = true;
    // Runaway loops inside native callbacks never reach the observer: the VM's eval-breaker bound
    // (backward jumps and calls) catches those.
    if (Number.isFinite(this.maxInstructions)) interp.setTickLimit(this.maxInstructions);
  }

  /**
   * The process's allocator asks before its footprint grows (only then: reusing memory costs
   * nothing). Set at every program's first instruction, so a replay or a restart has the same
   * bound (or none).
   */
  private limitHeap(): void {
    const { mmap, system } = heap.allocator;
    const maxBytes = this.maxHeapBytes;
    if (maxBytes === undefined || !Number.isFinite(maxBytes)) {
      mmap.limit = null;
      return;
    }
    mmap.limit = {
      grow: (bytes) => {
        const after = mmap.mapped + system.brkBytes + bytes;
        if (after > maxBytes) throw new HeapLimitExceeded(after, maxBytes);
      },
    };
  }

  get isFinished(): boolean {
    return this.finished !== null;
  }

  get exitCode(): number | null {
    return this.finished?.exitCode ?? null;
  }

  /** The innermost frame while stopped (null before the start and after the end). */
  get topFrame(): Frame | null {
    return this.finished === null && this.started ? this.interp.frame : null;
  }

  /** Frames innermost first. */
  frames(): Frame[] {
    const out: Frame[] = [];
    for (let f = this.topFrame; f !== null; f = f.previous) out.push(f);
    return out;
  }

  requestPause(): void {
    this.pauseRequested = true;
  }

  /** Arm a step from the current stop; the next `run` carries it out. */
  setStep(kind: StepKind, granularity: StepGranularity, targetOffset?: number): void {
    const frame = this.interp.frame;
    if (frame === null) return;
    this.step = { kind, granularity, depth: this.frames().length, frame, targetOffset };
    // A step follows one thread: the others stay frozen until it completes (threads-contract).
    this.interp.threads.freezeOthers = true;
    // Frames that ran on the fast path have stale line tracking.
    this.resyncTraces();
    this.refreshMode();
  }

  clearStep(): void {
    this.step = null;
    this.interp.threads.freezeOthers = false;
    this.refreshMode();
  }

  /**
   * Run at most `sliceInstructions` instructions; return why it stopped. A 'slice' stop means
   * "nothing happened yet, call again" — the adapter yields to its event loop in between.
   */
  run(sliceInstructions: number): DebugStop {
    if (this.finished !== null) return { kind: 'exited', exitCode: this.finished.exitCode };
    if (this.uncaught !== null) {
      const e = this.uncaught;
      this.uncaught = null;
      return this.finish(this.program.uncaught(e));
    }
    if (this.heapLimitReached !== null) {
      this.host.writeStderr(`pyxray: stopped: ${this.heapLimitReached.message}\n`);
      // The VM stopped inside an allocation: no shutdown code runs on that state.
      return this.finish(1, false);
    }
    this.sliceRemaining = sliceInstructions;
    this.pending = null;
    this.refreshMode();
    let result: PyObject;
    try {
      if (!this.started) {
        this.started = true;
        // From the program's first instruction (the set-up before it is the interpreter's).
        this.limitHeap();
        result = this.program.start();
      } else {
        this.skipNextObservation = true;
        // Through the thread scheduler: another thread may be due (PreparedProgram.resume).
        result = this.program.resume();
      }
    } catch (e) {
      if (e instanceof HeapLimitExceeded && this.seekTarget < 0) {
        // Mid-instruction (inside an allocation): the frames can be shown, never run on.
        this.heapLimitReached = e;
        this.step = null;
        return { kind: 'heap limit', bytes: e.bytes, limit: e.limit };
      }
      if (e instanceof AbandonRun) {
        // The VM's state is mid-instruction: this program must not run again.
        this.finished = { exitCode: -1 };
        observeExceptions(this.interp, null);
        return e.reason === 'seek done' ? { kind: 'seek done' } : { kind: 'abandoned' };
      }
      if ((this.exceptionStops.uncaught || this.exceptionStops.userUncaught === true) && this.seekTarget < 0 && e instanceof PyBaseException
        && !e.ob_type.isSubtypeOf(SystemExit) && !this.uncaughtShown.has(e)) {
        // Not seen while unwinding (no synchronous stops, or it came out of native code): post-mortem.
        this.uncaught = e;
        return { kind: 'exception', exception: e, uncaught: true, unwinding: false };
      }
      return this.finish(this.exitCodeForError(e));
    }
    if (this.interp.isPausedValue(result)) {
      const stop = this.pending;
      if (stop === LIMIT_REACHED) return this.finish(this.limitExit());
      return stop ?? { kind: 'slice' };
    }
    decref(result);
    return this.finish(0);
  }

  private finish(exitCode: number, shutDown = true): DebugStop {
    // Interpreter shutdown as in runProgram (__del__ of __main__'s names, exit functions joining
    // threads and child processes that still run), unless the run was cut off. It is one JS call,
    // not a paused run: its code is observed as nested code, so stops there are synchronous and
    // the slices' pauses do not apply (a paused exit function would return too early).
    this.interp.observer = this.observeFinalizing;
    this.shuttingDown = true;
    try {
      if (shutDown) this.program.finalize();
    } catch (e) {
      if (e instanceof AbandonRun) {
        // Left from a synchronous stop (going back, terminate) or a replay's target reached there.
        this.finished = { exitCode: -1 };
        observeExceptions(this.interp, null);
        return e.reason === 'seek done' ? { kind: 'seek done' } : { kind: 'abandoned' };
      }
      if (!(e instanceof LimitExceeded)) throw e;
    }
    this.finished = { exitCode };
    this.step = null;
    observeExceptions(this.interp, null);
    return { kind: 'exited', exitCode };
  }

  /** The text of a source file a frame runs: the program's, or a module the runtime ships. */
  sourceText(filename: string): string | null {
    return filename.startsWith(STDLIB_DIR + '/') ? stdlibFileText(filename) : this.host.readFile(filename);
  }

  /**
   * CPython's traceback text for an exception (what `python3` would print if it ended the
   * program). `unwindingIn`: the exception is still unwinding in this (live) frame and will end
   * the program — the frames it has yet to leave come first, as they will in the final traceback.
   */
  tracebackText(exc: PyBaseException, unwindingIn: Frame | null = null): string {
    if (unwindingIn !== null && unwindingIn.previous !== null) {
      // Entries for the callers, outermost first, in front of the traceback so far (JS objects
      // only: nothing is allocated on the simulated heap, no count changes).
      const saved = exc.traceback;
      let head = saved as PyTraceback | null;
      for (const f of this.callersInnermostFirst(unwindingIn)) head = new PyTraceback(head, new PyFrameObject(f.code, f.globals, f.lasti, null), f.lasti);
      exc.traceback = head;
      try {
        return this.tracebackText(exc);
      } finally {
        exc.traceback = saved;
      }
    }
    const sources = new Map<string, string[] | null>();
    const source = (filename: string) => {
      if (!sources.has(filename)) sources.set(filename, this.sourceText(filename)?.split(/\r?\n/) ?? null);
      return sources.get(filename)!;
    };
    return formatException(exc, source, () => this.interp.builtins.keyList().map((k) => (k instanceof PyStr ? k.value : '')));
  }

  private callersInnermostFirst(frame: Frame): Frame[] {
    const out: Frame[] = [];
    for (let f = frame.previous; f !== null; f = f.previous) out.push(f);
    return out;
  }

  private limitExit(): number {
    this.host.writeStderr(`pyxray: stopped: instruction limit of ${this.maxInstructions} reached\n`);
    return 1;
  }

  private exitCodeForError(e: unknown): number {
    // The VM's own bound (not a Python exception: nothing can catch it) ends the run the same way.
    if (e instanceof LimitExceeded) return this.limitExit();
    if (!(e instanceof PyBaseException)) throw e;
    return this.program.uncaught(e);
  }


  // ------------------------------------------------------------------ the observer

  /**
   * Called before each instruction; true pauses the loop (outermost activation only: in a nested
   * one the answer is ignored, and a stop is handled synchronously by onNestedStop).
   */
  // An arrow function property: the VM calls it directly, with no extra call layer per instruction.
  private readonly observe = (frame: Frame, nested: boolean): boolean => {
    if (this.skipNextObservation && !nested) {
      this.skipNextObservation = false;
      return false;
    }
    if (++this.instructionCount > this.maxInstructions && !nested) {
      this.pending = LIMIT_REACHED;
      return true;
    }
    const co = frame.code.co;
    if (this.fast && (co === this.fastCode || this.untracked(co))) {
      if (this.seekTarget < 0) return nested ? this.nestedIdle() : --this.sliceRemaining <= 0 && this.sliceEnd();
      // A final replay only counts; at its target the full path below ends it.
      if (this.instructionCount < this.seekTarget) return !nested && --this.sliceRemaining <= 0;
    }
    const ip = frame.ip;
    const isLineEvent = this.lineEvent(frame, co, ip);
    if (this.seekTarget >= 0) return this.seekStep(frame, co, ip, isLineEvent, nested);
    const stop = this.stopFor(frame, co, ip, isLineEvent);
    if (stop !== null) {
      // Without a synchronous handler a nested stop is not taken (a step completes later, at the
      // outermost level).
      if (nested && this.onNestedStop === null) return false;
      this.step = null;
      this.interp.threads.freezeOthers = false;
      this.pauseRequested = false;
      if (nested) {
        this.refreshMode();
        this.onNestedStop!(stop);
        this.refreshMode();
        return false;
      }
      this.pending = stop;
      return true;
    }
    if (nested) return this.nestedIdle();
    return --this.sliceRemaining <= 0 && this.sliceEnd();
  };

  /**
   * The VM's exception event (vm/unwind.ts): `exc` reached `frame`, whose handler has not run yet
   * (or which is about to exit). An uncaught stop wins over a raised one at the same event.
   */
  private readonly onException = (exc: PyBaseException, frame: Frame, reraised: boolean): void => {
    if (this.seekTarget >= 0 || exc.ob_type.isSubtypeOf(SystemExit)) return;
    const filters = this._exceptionStops;
    let stop: DebugStop | null = null;
    if ((filters.uncaught || filters.userUncaught === true) && !this.shuttingDown && !this.uncaughtShown.has(exc) && this.nothingCatches(frame)) {
      this.uncaughtShown.add(exc);
      this.exceptionsShown.add(exc);
      stop = { kind: 'exception', exception: exc, uncaught: true, unwinding: true };
    } else if (filters.raised && !reraised && !this.exceptionsShown.has(exc) && frame.code.co.co_filename === this.code.co_filename && !isControlFlow(exc)) {
      // The raise point: the first frame of the program's file the exception reaches (one
      // raised inside the stdlib shows where it came into the program's code).
      this.exceptionsShown.add(exc);
      stop = { kind: 'exception', exception: exc, uncaught: false, unwinding: true };
    }
    if (stop === null) return;
    if (this.onNestedStop === null) {
      // No synchronous stops: the closest is the next instruction (the handler); an uncaught one
      // is shown when it has left the module.
      if (!stop.uncaught) this.stopAtNextInstruction({ ...stop, unwinding: false });
      else this.uncaughtShown.delete(exc);
      return;
    }
    this.step = null;
    this.interp.threads.freezeOthers = false;
    this.pauseRequested = false;
    this.refreshMode();
    this.onNestedStop(stop);
    this.refreshMode();
  };

  /**
   * Nothing can catch an exception unwinding in `frame` of the main thread: no frame from here to
   * the module has an exception table entry for where it stands (not even a `finally` or `with`
   * cleanup, which might swallow it), and no native caller sits in between (it might catch it).
   */
  private nothingCatches(frame: Frame): boolean {
    if (this.interp.threads.current.id !== 0) return false;
    for (let f: Frame | null = frame; f !== null; f = f.previous) {
      // Where unwind looks (the instruction executing; a caller's CALL).
      if (findHandler(this.interp, f.code, f.ip - 1) !== null) return false;
      if (f.entry && f.previous !== null) return false;
    }
    return true;
  }

  /** Set while the interpreter shuts down: its native callers report the exceptions of exit functions and __del__. */
  private shuttingDown = false;

  /** The observer while the interpreter shuts down (finish): everything runs as nested code. */
  private readonly observeFinalizing = (frame: Frame): boolean => this.observe(frame, true);

  /** `co` has no breakpoint: remember it as the fast path's code object. */
  private untracked(co: CodeObject): boolean {
    if (this.tracked.has(co)) return false;
    this.fastCode = co;
    return true;
  }

  /** The slice is used up: pause the loop (with a 'pause' stop if the user asked for one). */
  private sliceEnd(): true {
    if (this.pauseRequested) {
      this.pauseRequested = false;
      this.step = null;
      this.pending = { kind: 'pause' };
    }
    return true;
  }

  /**
   * An instruction in a nested activation with nothing to stop for. During a long run inside a
   * builtin's callback (a loop in __repr__) the adapter looks for a pause now and then, and the
   * program stops right here if one came.
   */
  private nestedIdle(): false {
    if (this.onNestedPoll !== null && this.onNestedStop !== null && --this.nestedPollCountdown <= 0) {
      this.nestedPollCountdown = this.nestedPollInstructions;
      this.onNestedPoll();
      if (this.pauseRequested) {
        this.pauseRequested = false;
        this.step = null;
        this.interp.threads.freezeOthers = false;
        this.resyncTraces();
        this.refreshMode();
        this.onNestedStop({ kind: 'pause' });
      }
      this.refreshMode();
    }
    return false;
  }

  /**
   * CPython 3.11's line event (ceval.c maybe_call_line_trace): the line of this instruction
   * differs from the line of the frame's previous instruction, or control jumped backwards (except
   * the jump of a SEND loop). The prologue up to RESUME belongs to the 'call' event, and a frame's
   * previous line survives a yield, so a generator resumed on the same line reports no new line.
   */
  private lineEvent(frame: Frame, co: CodeObject, ip: number): boolean {
    // Consecutive instructions are mostly in the same frame and code object: remember the last
    // ones instead of two WeakMap lookups per instruction.
    let trace: FrameTrace | undefined;
    if (frame === this.lastFrame) trace = this.lastTrace!;
    else {
      trace = this.traces.get(frame);
      if (trace === undefined) {
        trace = { lastIp: -1, lastLine: -1, lastOpcode: -1, inPrologue: true };
        this.traces.set(frame, trace);
      }
      this.lastFrame = frame;
      this.lastTrace = trace;
    }
    const opcode = co.co_code[ip] & 255;
    if (trace.inPrologue) {
      if (opcode === op.RESUME) trace.inPrologue = false;
      trace.lastIp = ip;
      trace.lastOpcode = opcode;
      return false;
    }
    if (co !== this.lastCode) {
      this.lastCode = co;
      lineOfUnit(co, 0);
      this.lastLines = lineCache.get(co)!;
    }
    const line = ip < this.lastLines.length ? this.lastLines[ip] : -1;
    const jumpedBack = trace.lastIp >= 0 && ip < trace.lastIp && trace.lastOpcode !== op.SEND;
    const event = line > 0 && (line !== trace.lastLine || jumpedBack);
    trace.lastIp = ip;
    trace.lastLine = line;
    trace.lastOpcode = opcode;
    return event;
  }

  /** A stop something outside the loop asked for (a GC collection): taken at the next instruction. */
  private requested: DebugStop | null = null;

  /** Stop before the next instruction with this reason (e.g. after a collection ran inside an allocation). */
  stopAtNextInstruction(stop: DebugStop): void {
    if (this.seekTarget < 0) {
      this.requested = stop;
      this.fast = false;
    }
  }

  private stopFor(frame: Frame, co: CodeObject, ip: number, isLineEvent: boolean): DebugStop | null {
    if (this.requested !== null) {
      const stop = this.requested;
      this.requested = null;
      return stop;
    }
    if (this.stopOnGilSwitch) {
      const thread = this.interp.threads.current;
      const previous = this.lastThread as typeof thread | null;
      this.lastThread = thread;
      if (previous !== null && previous !== thread) return { kind: 'gil switch', from: previous.id, to: thread.id };
    }
    if (this.instructionBreakpoints.size > 0) {
      const offsets = this.instructionBreakpoints.get(co);
      if (offsets !== undefined && offsets.has(ip * 2)) return { kind: 'instruction breakpoint', offset: ip * 2 };
    }
    if (this.exceptionStops.userUncaught === true && (co.co_code[ip] & 255) === op.PUSH_EXC_INFO) {
      // 'user uncaught': a library handler (the stdlib's) caught an exception the program raised.
      const exc = frame.sp > 0 ? frame.stack[frame.sp - 1] : null;
      if (exc instanceof PyBaseException && !this.exceptionsShown.has(exc) && this.leftUserCode(exc, co, ip)) {
        this.exceptionsShown.add(exc);
        return { kind: 'exception', exception: exc, uncaught: false, unwinding: false };
      }
    }
    // Watches compare after each statement: at line events, and before a frame returns (the
    // last statement of a function or of the module has no line event after it).
    if (this.watches.length > 0 && (isLineEvent || (co.co_code[ip] & 255) === op.RETURN_VALUE)) {
      const changed = changedWatches(this.watches);
      if (changed !== null) return { kind: 'data breakpoint', ...changed };
    }
    if (isLineEvent) {
      if (this.stopOnEntry) {
        this.stopOnEntry = false;
        return { kind: 'entry' };
      }
      if (this.functionBreakpoints.size > 0 && this.isFirstLine(frame)) {
        if (this.functionBreakpoints.has(co.co_qualname) || this.functionBreakpoints.has(co.co_name)) {
          return { kind: 'function breakpoint', qualname: co.co_qualname };
        }
      }
      const line = lineOfUnit(co, ip);
      const bp = co.co_filename === this.code.co_filename ? this.lineBreakpoints.get(line) : undefined;
      if (bp !== undefined) {
        const stop = this.breakpointStop(bp, line, frame);
        if (stop !== null) return stop;
      }
    }
    const step = this.step;
    if (step !== null && this.stepDone(step, frame, isLineEvent)) return { kind: 'step', lineEvent: isLineEvent };
    return null;
  }

  /**
   * Raised in the program's file, caught in another (a library module written in Python) by an
   * `except` clause — not by a `finally` or a `with` cleanup, which re-raise it.
   */
  private leftUserCode(exc: PyBaseException, handler: CodeObject, handlerUnit: number): boolean {
    if (handler.co_filename === this.code.co_filename) return false;
    if (!handlerCatches(handler, handlerUnit)) return false;
    return tracebackFrames(exc).some((f) => f.code.co_filename === this.code.co_filename);
  }

  /** Conditions first (a false one does not count as a hit), then the hit count, then logpoints. */
  private breakpointStop(bp: LineBreakpoint, line: number, frame: Frame): DebugStop | null {
    if (bp.condition !== null) {
      try {
        if (!bp.condition.test(frame)) return null;
      } catch (error) {
        return { kind: 'breakpoint', lines: [line], conditionError: (error as Error).message };
      }
    }
    bp.hits++;
    if (bp.hitCondition !== null && !bp.hitCondition(bp.hits)) return null;
    if (bp.logMessage !== null) {
      this.onLog(bp.logMessage(frame) + '\n');
      return null;
    }
    return { kind: 'breakpoint', lines: [line] };
  }

  /**
   * Replay to instruction `target` of an earlier run of the same program: no stops, no logpoints,
   * data watches untouched; `record` (when set) learns where the run stopped-worthy points were.
   */
  seek(target: number, record: ReplayRecord | null = null): void {
    this.seekTarget = target;
    this.record = record;
    this.stopOnEntry = false;
    this.step = null;
  }

  private seekStep(frame: Frame, co: CodeObject, ip: number, isLineEvent: boolean, nested: boolean): boolean {
    const record = this.record;
    if (this.instructionCount >= this.seekTarget) {
      this.seekTarget = -1;
      if (record !== null) record.targetFrame = frame;
      // The replay may have run on the fast path: the frames' line tracking catches up.
      this.resyncTraces();
      this.refreshMode();
      if (nested) {
        // A scan only needs its record: leave the run. A final replay stops here, synchronously.
        if (record !== null || this.onNestedStop === null) throw new AbandonRun('seek done');
        this.onNestedStop({ kind: 'seek done' });
        return false;
      }
      this.pending = { kind: 'seek done' };
      return true;
    }
    if (record !== null) {
      if (isLineEvent) this.recordLineEvent(record, frame, co, ip);
      // As stopFor: watches also compare before a frame returns (its last statement has no line event after it).
      else if (this.watches.length > 0 && (co.co_code[ip] & 255) === op.RETURN_VALUE && changedWatches(this.watches) !== null) record.lastBreakpoint = this.instructionCount;
    }
    return !nested && --this.sliceRemaining <= 0;
  }

  private recordLineEvent(record: ReplayRecord, frame: Frame, co: CodeObject, ip: number): void {
    const count = this.instructionCount;
    if (record.firstLine < 0) record.firstLine = count;
    const depth = this.depthOf(frame);
    if (depth < record.targetDepth) record.lastShallowerLine = count;
    else if (depth === record.targetDepth) {
      record.lastSameDepthLine = count;
      record.lastSameDepthFrame = frame;
    }
    const line = lineOfUnit(co, ip);
    const bp = co.co_filename === this.code.co_filename ? this.lineBreakpoints.get(line) : undefined;
    let hit = bp !== undefined && bp.logMessage === null;
    if (hit && bp!.condition !== null) {
      try {
        hit = bp!.condition.test(frame);
      } catch {
        hit = true;
      }
    }
    if (!hit && this.functionBreakpoints.size > 0 && this.isFirstLine(frame)) {
      hit = this.functionBreakpoints.has(co.co_qualname) || this.functionBreakpoints.has(co.co_name);
    }
    // Always compared, so each watch remembers the value of this moment (a change is seen once).
    if (this.watches.length > 0 && changedWatches(this.watches) !== null) hit = true;
    if (hit) record.lastBreakpoint = count;
  }

  private readonly firstLineSeen = new WeakSet<Frame>();
  private isFirstLine(frame: Frame): boolean {
    if (this.firstLineSeen.has(frame)) return false;
    this.firstLineSeen.add(frame);
    return frame.code.co.co_name !== '<module>';
  }

  private stepDone(step: StepRequest, frame: Frame, isLineEvent: boolean): boolean {
    if (step.targetOffset !== undefined) return this.targetStepDone(step, frame, isLineEvent);
    const depth = this.depthOf(frame);
    const returned = depth < step.depth || (depth === step.depth && frame !== step.frame);
    if (step.kind === 'out') return returned;
    if (returned) return true;
    const eligible = step.kind === 'in' || depth <= step.depth;
    if (!eligible) return false;
    return step.granularity === 'instruction' || isLineEvent;
  }

  /**
   * Stepping into one call of the line: stop in a frame called by that CALL (directly, or by the
   * native it calls: sorted's key, a class's __init__); if the call runs no Python code, stop at
   * the frame's next line, as a step over would.
   */
  private targetStepDone(step: StepRequest, frame: Frame, isLineEvent: boolean): boolean {
    if (frame === step.frame) return isLineEvent;
    const depth = this.depthOf(frame);
    if (depth < step.depth) return true;
    let caller: Frame | null = frame;
    while (caller !== null && caller.previous !== step.frame) caller = caller.previous;
    const viaTarget = caller !== null && step.frame.lasti * 2 === step.targetOffset;
    return viaTarget && (isLineEvent || step.granularity === 'instruction');
  }

  private depthOf(frame: Frame): number {
    let n = 0;
    for (let f: Frame | null = frame; f !== null; f = f.previous) n++;
    return n;
  }
}

export type { PyCode };
