// Threads and the GIL as the debugger shows them, read from the thread scheduler
// (threads/scheduler.ts): each simulated thread's state and frames, the GIL's holder, waiters,
// drop request, switch interval and hand-over log, on the virtual clock. Read-only.
//
// The current thread's frames are the Interpreter's chain (`interp.frame`); a switched-out thread
// keeps its chain in its ThreadState until it runs again. (The threads engineer's threadView.ts,
// announced in .notes/threads-contract.md, will offer the same data; this file reads only what
// the debugger needs and can give way to it.)

import type { Interpreter } from '../vm/interpreter';
import type { Frame } from '../vm/frame';

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

function chain(top: Frame | null): Frame[] {
  const out: Frame[] = [];
  for (let f = top; f !== null; f = f.previous) out.push(f);
  return out;
}

export function debugThreads(interp: Interpreter): DebugThread[] {
  const s = interp.threads;
  return s.threads.map((t) => {
    const current = t === s.current;
    let state: DebugThreadState;
    let detail: string | null = null;
    switch (t.state) {
      case 'running': state = 'running'; break;
      case 'ready': state = 'waiting for GIL'; break;
      case 'new': state = 'not started'; break;
      case 'finished': state = 'finished'; break;
      default:
        state = t.waitingOn === null ? 'sleeping' : 'blocked';
        detail = t.waitingOn === null && t.deadlineNs !== null ? `until t=${(t.deadlineNs / 1e9).toFixed(6)} s` : t.blockedWhat || null;
    }
    return { id: t.id, ident: t.ident, name: t.name, state, holdsGil: current && t.state === 'running', detail, frames: chain(current ? interp.frame : t.frame) };
  });
}

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
