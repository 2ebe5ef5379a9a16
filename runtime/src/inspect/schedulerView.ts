// Threads and the GIL as the debugger shows them, read from the thread scheduler
// (threads/scheduler.ts): each simulated thread's state and frames, the GIL's holder, waiters,
// drop request, switch interval and hand-over log, on the virtual clock. Read-only.
//
// The current thread's frames are the Interpreter's chain (`interp.frame`); a switched-out thread
// keeps its chain in its ThreadState until it runs again. The threads come from threadView.ts
// (the inspect API's reading of the scheduler); this file only labels them for DAP and gives the
// GIL by thread id, as DAP's thread ids are.

import type { Interpreter } from '../vm/interpreter';
import type { Frame } from '../vm/frame';
import { threadView, type ThreadRunState } from './threadView';

export type DebugThreadState = 'running' | 'waiting for GIL' | 'blocked' | 'sleeping' | 'not started' | 'finished';

export interface DebugThread {
  /** 0 for the main thread, then 1, 2, … in creation order. */
  id: number;
  ident: number;
  name: string;
  state: DebugThreadState;
  holdsGil: boolean;
  /** What a blocked thread waits on ("lock", "join", "sleep"…), or until when it sleeps. */
  detail: string | null;
  /** Innermost first. */
  frames: Frame[];
}

export interface DebugGilHandover {
  atSeconds: number;
  from: number | null;
  to: number | null;
  reason: string;
}

export interface DebugGil {
  nowSeconds: number;
  holder: number | null;
  waiters: number[];
  dropRequest: boolean;
  switchInterval: number;
  switches: number;
  log: DebugGilHandover[];
}

/** threadView's threads, labelled as the Call Stack shows them. */
export function debugThreads(interp: Interpreter): DebugThread[] {
  return threadView(interp).threads.map((t) => {
    const state = DEBUG_STATE[t.state];
    const detail = t.state === 'sleeping' && t.wakeAtSeconds !== null ? `until t=${t.wakeAtSeconds.toFixed(6)} s` : t.blockedOn || null;
    return { id: t.id, ident: t.ident, name: t.name, state, holdsGil: t.holdsGil, detail, frames: t.frames };
  });
}

const DEBUG_STATE: Record<ThreadRunState, DebugThreadState> = {
  running: 'running',
  ready: 'waiting for GIL',
  new: 'not started',
  finished: 'finished',
  sleeping: 'sleeping',
  blocked: 'blocked',
};

/** The thread whose frames the interpreter runs now (the one a debugger stop is in). */
export function currentThreadId(interp: Interpreter): number {
  return interp.threads.current.id;
}

export function debugGil(interp: Interpreter): DebugGil {
  const s = interp.threads;
  return {
    nowSeconds: s.nowNs() / 1e9,
    holder: s.current.state === 'running' ? s.current.id : null,
    waiters: s.ready.map((t) => t.id),
    dropRequest: s.dropRequest,
    switchInterval: s.switchIntervalNs / 1e9,
    switches: s.switches,
    log: s.log.map((h) => ({ atSeconds: h.atNs / 1e9, from: h.from?.id ?? null, to: h.to?.id ?? null, reason: h.reason })),
  };
}

/** Keep the current thread holding the GIL while a debugger steps it (the others stay frozen). */
export function freezeOtherThreads(interp: Interpreter, freeze: boolean): void {
  interp.threads.freezeOthers = freeze;
}
