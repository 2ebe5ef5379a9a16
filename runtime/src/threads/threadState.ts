// One simulated OS thread (CPython's PyThreadState plus what the OS scheduler knows about it).
// The Interpreter runs one thread at a time; the scheduler swaps a thread's frame chain,
// recursion depth, handled-exception state and activation nesting into the Interpreter when the
// thread gets the GIL, and back out when it loses it.
//
// Invariants: exactly one thread is `running` (the GIL holder) while Python code executes; a
// `blocked` thread has `waitingOn` set (or only a deadline: sleeping); a finished thread never
// runs again. `retry` carries a blocking native's state across its restart (threads/scheduler.ts).

import type { PyObject } from '../objects/pyobject';
import type { Frame } from '../vm/frame';
import { ExcState } from '../vm/frame';

export type ThreadRunState = 'new' | 'running' | 'ready' | 'blocked' | 'finished';

/** What a restarted blocking native learns about its previous attempt. */
export interface RetryState {
  deadlineNs: number | null;
  timedOut: boolean;
}

export class ThreadState {
  state: ThreadRunState = 'new';
  // Interpreter fields while the thread is switched out.
  frame: Frame | null = null;
  depth = 0;
  excState = new ExcState(null, null);
  nesting = 0;
  /** The object a blocked thread waits on (a lock's state, a thread's end...), null when sleeping. */
  waitingOn: object | null = null;
  /** Shown by the inspect API: "lock", "sleep", "join"... */
  blockedWhat = '';
  /** Virtual time at which a blocked thread gives up waiting (null: no timeout). */
  deadlineNs: number | null = null;
  /** Virtual time since when a ready thread waits for the GIL. */
  readySinceNs = 0;
  retry: RetryState | null = null;
  /** Blocked inside a native callback: it can only continue when the JS stack unwinds to it. */
  pinned = false;
  /** Locks released when the thread ends (threading's _tstate_lock, _thread._set_sentinel). */
  sentinels: (() => void)[] = [];
  /** The callable the thread was started with (owned until it ends: its unraisable report names it). */
  entryCallable: PyObject | null = null;
  /** What runs first: the thread's callable and arguments (owned until the thread starts). */
  start: { callable: PyObject; args: PyObject[]; kwnames: string[] | null } | null = null;

  constructor(
    /** 0 for the main thread, then 1, 2, ... in creation order. */
    readonly id: number,
    readonly ident: number,
    readonly nativeId: number,
    public name: string,
    public daemon: boolean,
  ) {}
}
