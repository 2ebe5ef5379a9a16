// The scheduler: simulated threads and the GIL of CPython 3.11 (Python/ceval_gil.c) on the
// virtual clock (threads/clock.ts).
//
// The GIL: one holder (the running thread). A thread that wants to run is `ready` and waits for
// the GIL; once it has waited a switch interval (sys.getswitchinterval(), 0.005 s) without a
// hand-over, it sets the drop request, and the holder drops the GIL at its next eval-breaker
// check (a RESUME or backward jump in the outermost activation); the longest-waiting ready thread
// takes it (FORCE_SWITCHING: the dropping thread queues behind it). A blocking call (sleep, a
// lock or queue wait, join) drops the GIL at once. A `seed` perturbs the schedule
// deterministically: each interval is drawn in [0.25, 1] × the interval and the next holder is
// drawn among the ready threads, so another seed explores another interleaving.
//
// How the loop hands control here: the interpreter's `budget` counts eval-breaker ticks down to
// the next scheduling event (a drop request, a sleeper's deadline, the tick limit); at zero the
// loop calls `breaker`, which returns true when the running thread must drop the GIL — the loop
// then returns PAUSED to `drive`, which switches threads and resumes the next one. A blocking
// native calls `block`, which throws ThreadBlocked; the VM rewinds the thread to the CALL (or
// BEFORE_WITH) and returns BLOCKED; when the thread is woken the native runs again and reads
// `retryState()` (see .notes/threads-contract.md for the natives' side).
//
// Nested activations: code run from a native callback (a sort key, __eq__ from a dict lookup, a
// __repr__ called by print) cannot return to `drive`, so when it blocks or its switch interval
// expires it hands the GIL over where it stands: the other threads run on top of its JS stack
// (`nestedWait`) until it is picked again. Limit: threads pinned lower on the JS stack (an older
// nested hand-over) cannot run until the callbacks above them return.
//
// Deadlock: when no thread can ever run again (all blocked without timeouts), the scheduler
// reports every thread's stack, faulthandler style, and the program exits with status 1.

import type { PyObject } from '../objects/pyobject';
import { PyFunction } from '../objects/function';
import { PyMethod } from '../objects/method';
import { PyBaseException } from '../objects/exceptions';
import * as A from '../objects/abstract';
import { decref } from '../memory/heap';
import type { Interpreter } from '../vm/interpreter';
import { LimitExceeded } from '../vm/limits';
import type { Frame } from '../vm/frame';
import { ExcState } from '../vm/frame';
import { frameForCall } from '../vm/calls';
import { ThreadState, type RetryState } from './threadState';
import { TICK_NS, VirtualClock } from './clock';
import * as op from '../compiler/opcodes';

/** Thrown by `block` (not a Python exception): the running thread cannot continue yet. */
export class ThreadBlocked {}
const BLOCK_SIGNAL = new ThreadBlocked();
/** What the main thread waits on when its body ended above other threads' pinned callbacks. */
const MAIN_EXIT = { what: 'main thread exit' };

/** Thrown when every thread is blocked forever. A LimitExceeded, so no Python code can catch it. */
export class DeadlockDetected extends LimitExceeded {}

export type HandoverReason = 'interval' | 'blocking' | 'finished' | 'start';

export interface GilHandover {
  atNs: number;
  from: ThreadState | null;
  to: ThreadState | null;
  reason: HandoverReason;
}

export interface SchedulerOptions {
  seed?: number;
  switchInterval?: number;
  realTime?: boolean;
  /** Called with each hand-over as it happens (the CLI's --gil-log). */
  onHandover?: (h: GilHandover) => void;
}

/** Most eval-breaker ticks the running thread gets before the scheduler looks again. */
const MAX_ARM = 1 << 20;
/** First ident handed out (CPython's are pthread_t addresses; these only need to look alike). */
const IDENT_BASE = 140_000_000_000_000;
const IDENT_STEP = 8_392_704;
const NATIVE_ID_BASE = 4000;

export class Scheduler {
  readonly clock = new VirtualClock();
  readonly threads: ThreadState[] = [];
  readonly main: ThreadState;
  current: ThreadState;
  /** Threads waiting for the GIL, in the order they started waiting. */
  readonly ready: ThreadState[] = [];
  switchIntervalNs = 5_000_000;
  dropRequest = false;
  switches = 0;
  readonly log: GilHandover[] = [];
  /** Virtual time of the last hand-over (a waiter's interval restarts from it). */
  lastSwitchNs = 0;
  /** Set once a deadlock was reported: shutdown does not wait for the stuck threads. */
  deadlocked = false;
  /** Keep the current thread holding the GIL (a debugger stepping one thread). */
  freezeOthers = false;
  /** Ticks given to the interpreter at the last arm. */
  private armed = 0;
  private totalTicks = 0;
  /** Set by `breaker` when the loop paused to drop the GIL (vs. a debugger pause). */
  private switchPending = false;
  /** Nesting of `drive` loops; block() may only throw when the running activation is drive's own. */
  private driveDepth = 0;
  private readonly nestedWaits: ThreadState[] = [];
  /** The main thread's result when its body ended inside a nested drive (see drive). */
  private mainExit: PyObject | null = null;
  /** > 0 while the scheduler releases references between activations (no hand-over at ticks there). */
  private inBookkeeping = 0;
  private rngState: number;
  private readonly seeded: boolean;
  private intervalNs: number;
  private readonly onHandover: ((h: GilHandover) => void) | null;
  /** Paused and blocked return values of the loop (the Interpreter's sentinels). */
  private paused: PyObject | null = null;

  constructor(readonly interp: Interpreter, options: SchedulerOptions = {}) {
    this.seeded = options.seed !== undefined;
    this.rngState = (options.seed ?? 0) >>> 0 ^ 0x9e3779b9;
    if (options.switchInterval !== undefined) this.switchIntervalNs = Math.round(options.switchInterval * 1e9);
    this.clock.realTime = options.realTime === true;
    this.onHandover = options.onHandover ?? null;
    this.main = new ThreadState(0, IDENT_BASE, NATIVE_ID_BASE, 'MainThread', false);
    this.main.state = 'running';
    this.threads.push(this.main);
    this.current = this.main;
    this.intervalNs = this.nextInterval();
    interp.budget = MAX_ARM;
    this.armed = MAX_ARM;
  }

  // ------------------------------------------------------------------ clock

  nowNs(): number {
    return this.clock.baseNs + (this.armed - this.interp.budget) * TICK_NS;
  }

  /** Virtual CPU time of the whole process (time.process_time): the ticks run, not the sleeps. */
  cpuNs(): number {
    return (this.totalTicks + this.armed - this.interp.budget) * TICK_NS;
  }

  /** Fold the ticks used since the last arm into the clock. */
  private fold(): void {
    const used = this.armed - this.interp.budget;
    this.clock.baseNs += used * TICK_NS;
    this.totalTicks += used;
    this.armed = this.interp.budget;
  }

  /** Give the running thread ticks up to the next event. */
  arm(): void {
    this.fold();
    const now = this.clock.baseNs;
    let until = Infinity;
    if (this.ready.length > 0 && !this.freezeOthers) until = this.dropAtNs();
    for (const t of this.threads) {
      if (t.state === 'blocked' && t.deadlineNs !== null && t.deadlineNs < until) until = t.deadlineNs;
    }
    let ticks = until === Infinity ? MAX_ARM : Math.ceil((until - now) / TICK_NS);
    if (this.dropRequest) ticks = 1;
    const limit = this.interp.tickLimit;
    if (limit !== Infinity) ticks = Math.min(ticks, limit - this.totalTicks);
    ticks = Math.max(1, Math.min(ticks, MAX_ARM));
    this.interp.budget = ticks;
    this.armed = ticks;
  }

  private dropAtNs(): number {
    let firstWait = Infinity;
    for (const t of this.ready) if (t.readySinceNs < firstWait) firstWait = t.readySinceNs;
    return Math.max(this.lastSwitchNs, firstWait) + this.intervalNs;
  }

  private nextInterval(): number {
    if (!this.seeded) return this.switchIntervalNs;
    return Math.max(TICK_NS, Math.round(this.switchIntervalNs * (0.25 + 0.75 * this.random())));
  }

  private random(): number {
    // mulberry32: small, fast, deterministic for a given seed.
    let t = (this.rngState = (this.rngState + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  setSwitchInterval(seconds: number): void {
    this.switchIntervalNs = Math.max(1, Math.round(seconds * 1e9));
    this.intervalNs = this.nextInterval();
    this.arm();
  }

  // ------------------------------------------------------------------ the eval breaker

  /** The budget ran out at an eval-breaker check: true when the running thread drops the GIL now. */
  breaker(outermost: boolean): boolean {
    this.fold();
    const limit = this.interp.tickLimit;
    if (limit !== Infinity && this.totalTicks >= limit) throw new LimitExceeded(`instruction limit of ${limit} reached`);
    const now = this.clock.baseNs;
    this.promoteExpired(now);
    if (this.ready.length > 0 && !this.freezeOthers && now >= this.dropAtNs()) this.dropRequest = true;
    if (this.dropRequest && outermost && this.driveDepth > 0) {
      this.switchPending = true;
      return true;
    }
    if (this.dropRequest && !outermost && this.driveDepth > 0 && this.canHandOverNested()) {
      // Code called back from a native (a sort key, __eq__ from a dict lookup, __repr__ from
      // print) cannot return to drive; it hands the GIL over where it stands: the other threads
      // run on top of its JS stack, and it continues when it is picked again (nestedWait).
      const t = this.current;
      t.state = 'ready';
      t.readySinceNs = now;
      this.ready.push(t);
      this.nestedWait(t, 'interval');
    }
    this.arm();
    return false;
  }

  /**
   * May the running thread, in a nested activation, hand the GIL over at this tick? Only when
   * some thread could take it (a ready thread not pinned lower on the JS stack), outside the
   * scheduler's own bookkeeping (references released between activations), and not while a
   * module body runs nested (an import: CPython's import lock would make a second importer wait
   * for it, which is not simulated, so the import stays atomic).
   */
  private canHandOverNested(): boolean {
    if (this.inBookkeeping > 0 || this.freezeOthers) return false;
    let anyone = false;
    for (const w of this.ready) if (!w.pinned) anyone = true;
    if (!anyone) return false;
    for (let f = this.interp.frame; f !== null && f.previous !== null; f = f.previous) {
      if (f.code.co.co_name === '<module>') return false;
    }
    return true;
  }

  /** Sleepers and timed waits whose deadline passed become ready (they will retry and time out). */
  private promoteExpired(now: number): void {
    for (const t of this.threads) {
      if (t.state === 'blocked' && t.deadlineNs !== null && t.deadlineNs <= now) {
        t.retry = { deadlineNs: t.deadlineNs, timedOut: true };
        this.makeReady(t, t.deadlineNs);
      }
    }
  }

  private makeReady(t: ThreadState, since: number): void {
    t.state = 'ready';
    t.waitingOn = null;
    t.deadlineNs = null;
    t.readySinceNs = since;
    this.ready.push(t);
  }

  // ------------------------------------------------------------------ blocking (natives' side)

  /** The restarted native's previous attempt, or null on a first call. */
  retryState(): RetryState | null {
    return this.current.retry;
  }

  /** The blocking native completed: forget its retry state. */
  done(): void {
    this.current.retry = null;
  }

  /**
   * The running thread waits for `waitable` (woken by `wake`) or until `deadlineNs`. Throws
   * ThreadBlocked when the thread can be rewound to its CALL; inside a native callback it runs
   * the other threads until this one is woken and returns (the native then checks again).
   */
  block(waitable: object | null, deadlineNs: number | null, what: string): void {
    const t = this.current;
    this.fold();
    t.state = 'blocked';
    t.waitingOn = waitable;
    t.blockedWhat = what;
    t.deadlineNs = deadlineNs;
    t.retry = { deadlineNs, timedOut: false };
    if (this.driveDepth > 0 && this.interp.nesting === 1 && this.restartable(this.interp.frame)) throw BLOCK_SIGNAL;
    this.nestedWait(t);
  }

  /** Give up the GIL to the ready threads, if any (sleep(0)). */
  yieldGil(): void {
    if (this.ready.length === 0) return;
    this.block(null, this.nowNs(), 'sleep');
  }

  private restartable(f: Frame | null): boolean {
    if (f === null) return false;
    const opcode = f.co_code[f.lasti] & 255;
    return opcode === op.CALL || opcode === op.BEFORE_WITH;
  }

  /** Every thread blocked on `waitable` becomes ready (it retries; no hand-off, like a futex wake). */
  wake(waitable: object): void {
    const now = this.nowNs();
    for (const t of this.threads) {
      if (t.state === 'blocked' && t.waitingOn === waitable) {
        t.retry = { deadlineNs: t.deadlineNs, timedOut: false };
        this.makeReady(t, now);
      }
    }
    if (this.ready.length > 0) this.arm();
  }

  // ------------------------------------------------------------------ threads

  /**
   * os.fork's child (runtime/src/modules/mpNative.ts): a thread that continues `frame`'s chain
   * (a copy of the forking thread's frames). It waits for the GIL like any new thread, so the
   * parent runs on first (as after a real fork); it runs to the end of that chain and shutdown
   * waits for it.
   */
  startForked(frame: Frame, depth: number): ThreadState {
    const n = this.threads.length;
    const t = new ThreadState(n, IDENT_BASE + n * IDENT_STEP, NATIVE_ID_BASE + n, 'MainThread', false);
    t.frame = frame;
    t.depth = depth;
    this.threads.push(t);
    this.makeReady(t, this.nowNs());
    this.arm();
    return t;
  }

  /** _thread.start_new_thread: a new thread, ready to take the GIL. Steals nothing; args are borrowed. */
  startThread(callable: PyObject, args: PyObject[], kwnames: string[] | null): ThreadState {
    const n = this.threads.length;
    const t = new ThreadState(n, IDENT_BASE + n * IDENT_STEP, NATIVE_ID_BASE + n, `Thread-${n}`, false);
    callable.ob_refcnt++;
    for (const a of args) a.ob_refcnt++;
    t.start = { callable, args, kwnames };
    callable.ob_refcnt++;
    t.entryCallable = callable;
    this.threads.push(t);
    this.makeReady(t, this.nowNs());
    this.arm();
    return t;
  }

  byIdent(ident: number): ThreadState | undefined {
    return this.threads.find((t) => t.ident === ident);
  }

  /** Threads started and not finished (_thread._count() excludes the main thread). */
  aliveCount(): number {
    let n = 0;
    for (const t of this.threads) if (t.state !== 'finished') n++;
    return n;
  }

  // ------------------------------------------------------------------ running

  /** Set the Interpreter's paused sentinel (the scheduler recognises it in drive). */
  setPausedValue(paused: PyObject): void {
    this.paused = paused;
  }

  /**
   * Run `first` (start or resume of the current thread) and the other threads under the GIL
   * until the main thread's activation returns (its value), a debugger pause (PAUSED), or, with
   * `untilAllDone`, until no non-daemon thread is left.
   */
  drive(first: () => PyObject, untilAllDone = false, waiter: ThreadState | null = null): PyObject {
    this.driveDepth++;
    try {
      let thunk = first;
      for (;;) {
        let r: PyObject | null = null;
        let failed: unknown = null;
        try {
          r = thunk();
        } catch (e) {
          if (e === BLOCK_SIGNAL) r = null;
          else if (e instanceof LimitExceeded || e instanceof DeadlockDetected) throw e;
          else failed = e;
        }
        const t = this.current;
        let reason: HandoverReason;
        if (failed !== null) {
          if (t === this.main && !untilAllDone) throw failed;
          this.threadFailed(t, failed);
          this.finishThread(t);
          reason = 'finished';
        } else if (r === null || t.state === 'blocked') {
          if (r !== null) this.releaseOutside(() => decref(r!));
          reason = 'blocking';
        } else if (r === this.paused) {
          if (!this.switchPending) return r;
          this.switchPending = false;
          if (this.mainExit !== null && waiter === null && !untilAllDone) {
            t.state = 'ready';
            t.readySinceNs = this.nowNs();
            this.ready.push(t);
            return this.exitMain('interval');
          }
          // FORCE_SWITCHING: the dropping thread queues behind the one that takes the GIL.
          const top = this.nestedWaits[this.nestedWaits.length - 1];
          if (!this.ready.some((w) => !w.pinned || w === top)) {
            this.arm();
            thunk = () => this.interp.resume();
            continue;
          }
          const next = this.pickNext(false)!;
          t.state = 'ready';
          t.readySinceNs = this.nowNs();
          this.ready.push(t);
          if (next === waiter) {
            this.handover(next, 'interval');
            return this.paused!;
          }
          thunk = this.handover(next, 'interval');
          continue;
        } else if (t === this.main && !untilAllDone) {
          if (waiter === null) return r;
          // The main thread's body ended while other threads' callbacks are pinned on the JS
          // stack below this nested drive: it exits once they have returned (the outermost drive
          // hands its value back); until then it waits like a blocked thread.
          this.mainExit = r;
          t.state = 'blocked';
          t.waitingOn = MAIN_EXIT;
          t.blockedWhat = 'exit';
          t.deadlineNs = null;
          reason = 'blocking';
        } else {
          this.releaseOutside(() => decref(r!));
          this.finishThread(t);
          reason = 'finished';
        }
        if (this.mainExit !== null && waiter === null && !untilAllDone) return this.exitMain(reason);
        if (untilAllDone && !this.anyNonDaemonLeft()) return this.paused!;
        const next = this.pickNext(untilAllDone);
        if (next === null) return this.paused!;
        if (next === waiter) {
          // The innermost nested waiter is woken: hand back to its native (nestedWait returns).
          this.handover(next, reason);
          return this.paused!;
        }
        thunk = this.handover(next, reason);
      }
    } finally {
      this.driveDepth--;
    }
  }

  /** The main thread's stored return value, handed back by the outermost drive. */
  private exitMain(reason: HandoverReason): PyObject {
    const r = this.mainExit!;
    this.mainExit = null;
    this.main.waitingOn = null;
    this.handover(this.main, reason);
    return r;
  }

  /** Interpreter shutdown: run the remaining non-daemon threads to their end (threading._shutdown). */
  shutdown(): void {
    if (!this.anyNonDaemonLeft()) return;
    const main = this.main;
    main.state = 'finished';
    this.saveCurrent();
    const next = this.pickNext(true);
    if (next === null) return;
    const thunk = this.handover(next, 'finished');
    this.drive(thunk, true);
  }

  private anyNonDaemonLeft(): boolean {
    for (const t of this.threads) if (t !== this.main && !t.daemon && t.state !== 'finished') return true;
    return false;
  }

  /**
   * The running thread, inside a native callback, gives up the GIL (it blocked, or, being ready,
   * its switch interval expired): the other threads run on top of its JS stack until it is
   * picked again. It is the innermost pinned thread, so it is the only pinned one that can be
   * picked: the threads pinned below it wait until its callback returns (no deadlock: each nested
   * drive returns to its waiter first).
   */
  private nestedWait(t: ThreadState, reason: HandoverReason = 'blocking'): void {
    t.pinned = true;
    this.nestedWaits.push(t);
    try {
      this.saveCurrent();
      const next = this.pickNext(false);
      if (next === t || next === null) {
        this.handover(t, reason);
        return;
      }
      const thunk = this.handover(next, reason);
      this.drive(thunk, false, t);
    } finally {
      this.nestedWaits.pop();
      t.pinned = false;
    }
  }

  /** The next thread to hold the GIL; advances the clock over idle time; detects deadlock. */
  private pickNext(atShutdown: boolean): ThreadState | null {
    for (;;) {
      const now = this.nowNs();
      this.promoteExpired(now);
      const top = this.nestedWaits[this.nestedWaits.length - 1];
      const eligible = this.ready.filter((t) => !t.pinned || t === top);
      if (eligible.length > 0) {
        const pick = this.seeded ? eligible[Math.floor(this.random() * eligible.length)] : eligible[0];
        this.ready.splice(this.ready.indexOf(pick), 1);
        return pick;
      }
      let earliest = Infinity;
      for (const t of this.threads) {
        if (t.state === 'blocked' && t.deadlineNs !== null && t.deadlineNs < earliest) earliest = t.deadlineNs;
      }
      if (earliest !== Infinity) {
        this.fold();
        this.clock.baseNs = Math.max(this.clock.baseNs, earliest);
        continue;
      }
      if (atShutdown && !this.anyNonDaemonLeft()) return null;
      throw new DeadlockDetected('deadlock');
    }
  }

  private saveCurrent(): void {
    const interp = this.interp;
    const t = this.current;
    t.frame = interp.frame;
    t.depth = interp.depth;
    t.excState = interp.excState;
    t.nesting = interp.nesting;
  }

  /** Switch the GIL to `next`; returns how to continue it. */
  private handover(next: ThreadState, reason: HandoverReason): () => PyObject {
    const interp = this.interp;
    const prev = this.current;
    this.fold();
    if (prev !== next) {
      this.saveCurrent();
      interp.frame = next.frame;
      interp.depth = next.depth;
      interp.excState = next.excState;
      interp.nesting = next.nesting;
      this.current = next;
      this.switches++;
      const h: GilHandover = { atNs: this.clock.baseNs, from: prev.state === 'finished' && reason !== 'finished' ? null : prev, to: next, reason };
      this.log.push(h);
      this.onHandover?.(h);
    }
    this.lastSwitchNs = this.clock.baseNs;
    this.dropRequest = false;
    this.intervalNs = this.nextInterval();
    const starting = next.state === 'new' || next.start !== null;
    next.state = 'running';
    this.arm();
    if (starting) return () => this.runThreadBody(next);
    return () => interp.resume();
  }

  /** A new thread's first activation: its callable, inline in the loop when it is Python code. */
  private runThreadBody(t: ThreadState): PyObject {
    const start = t.start!;
    t.start = null;
    const interp = this.interp;
    interp.frame = null;
    interp.depth = 0;
    interp.nesting = 0;
    interp.excState = new ExcState(null, null);
    let callable = start.callable;
    let args = start.args;
    try {
      if (callable instanceof PyMethod && callable.func instanceof PyFunction) {
        args = [callable.self, ...args];
        callable = callable.func;
      }
      if (callable instanceof PyFunction && !callable.code.isGenerator && !callable.code.isCoroutine) {
        const f = frameForCall(interp, callable, args, start.kwnames);
        return interp.execute(f);
      }
      return A.call(callable, args, start.kwnames);
    } finally {
      this.releaseOutside(() => {
        decref(start.callable);
        for (const a of start.args) decref(a);
      });
    }
  }

  /**
   * End another thread where it stands (a simulated process getting SIGTERM from
   * multiprocessing's terminate()): it never runs again, its frames are dropped without
   * unwinding (no finally blocks, as with a killed process) and its end sentinels fire.
   * Returns false for the running thread or one already finished.
   */
  kill(t: ThreadState): boolean {
    if (t === this.current || t.state === 'finished') return false;
    if (t.start !== null) {
      decref(t.start.callable);
      for (const a of t.start.args) decref(a);
      t.start = null;
    }
    t.waitingOn = null;
    t.deadlineNs = null;
    this.finishThread(t);
    return true;
  }

  /**
   * Drop references outside any activation of the thread (a __del__ or weakref callback may run
   * Python code): one level of nesting, so that code is not taken for the thread's outermost
   * activation, where a blocking call would rewind a CALL that is not running.
   */
  private releaseOutside(release: () => void): void {
    this.interp.nesting++;
    this.inBookkeeping++;
    try {
      release();
    } finally {
      this.interp.nesting--;
      this.inBookkeeping--;
    }
  }

  private finishThread(t: ThreadState): void {
    t.state = 'finished';
    t.frame = null;
    const idx = this.ready.indexOf(t);
    if (idx >= 0) this.ready.splice(idx, 1);
    const sentinels = t.sentinels;
    t.sentinels = [];
    for (const release of sentinels) release();
    const entry = t.entryCallable;
    t.entryCallable = null;
    if (entry !== null) this.releaseOutside(() => decref(entry));
  }

  /** An exception escaped a thread's callable (_thread's thread_run: unraisable, SystemExit silent; set by program.ts). */
  threadFailed: (t: ThreadState, e: unknown) => void = (_t, e) => {
    if (e instanceof PyBaseException) return;
    throw e;
  };

  // ------------------------------------------------------------------ deadlock report

  /** Every thread's stack, faulthandler style (most recent call first). */
  stacksReport(describe: (f: Frame) => string): string {
    let out = '';
    const order = [this.current, ...this.threads.filter((t) => t !== this.current)];
    for (const t of order) {
      if (t.state === 'finished' || t.state === 'new') continue;
      const frame = t === this.current ? this.interp.frame : t.frame;
      out += `${t === this.current ? 'Current thread' : 'Thread'} 0x${t.ident.toString(16).padStart(16, '0')} (most recent call first):\n`;
      for (let f = frame; f !== null; f = f.previous) out += describe(f);
      out += '\n';
    }
    return out;
  }
}
