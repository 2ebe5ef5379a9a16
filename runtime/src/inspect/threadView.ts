// Threads and the GIL as data (issue #5's inspect API), read from the thread scheduler
// (threads/scheduler.ts) on the virtual clock: per thread its run state, what it waits on, until
// when it sleeps, and its frames; the GIL's holder, waiters, drop request, switch interval and
// the log of hand-overs with their reasons. Read-only: reading never changes the schedule.
//
// The running thread's frames are the Interpreter's chain (`interp.frame`); a switched-out thread
// keeps its chain in its ThreadState. (inspect/schedulerView.ts labels these threads for DAP.)

import type { Interpreter } from '../vm/interpreter';
import type { Frame } from '../vm/frame';
import type { HandoverReason } from '../threads/scheduler';

export type ThreadRunState = 'running' | 'ready' | 'blocked' | 'sleeping' | 'finished' | 'new';

export interface ThreadInfo {
  /** 0 for the main thread, then 1, 2, ... in creation order. */
  id: number;
  /** threading.get_ident() / Thread.ident. */
  ident: number;
  /** threading.get_native_id() / Thread.native_id. */
  nativeId: number;
  name: string;
  daemon: boolean;
  /** running: holds the GIL; ready: waits for the GIL; blocked: on `blockedOn`; sleeping: until `wakeAtSeconds`. */
  state: ThreadRunState;
  holdsGil: boolean;
  /** "lock", "sleep", ... for a blocked or sleeping thread, else null. */
  blockedOn: string | null;
  /** Virtual time at which a sleeping thread (or a timed wait) wakes, else null. */
  wakeAtSeconds: number | null;
  /** Innermost first. */
  frames: Frame[];
}

export interface GilHandover {
  atSeconds: number;
  from: string | null;
  to: string | null;
  reason: HandoverReason;
}

export interface GilInfo {
  holder: string | null;
  waiters: string[];
  dropRequest: boolean;
  switchInterval: number;
  switches: number;
  log: GilHandover[];
}

export interface ThreadView {
  virtualSeconds: number;
  threads: ThreadInfo[];
  gil: GilInfo;
}

export function threadView(interp: Interpreter): ThreadView {
  const s = interp.threads;
  const threads = s.threads.map((t): ThreadInfo => {
    const current = t === s.current;
    let state: ThreadRunState = t.state;
    if (t.state === 'blocked' && t.waitingOn === null) state = 'sleeping';
    const frames: Frame[] = [];
    for (let f = current ? interp.frame : t.frame; f !== null; f = f.previous) frames.push(f);
    return {
      id: t.id,
      ident: t.ident,
      nativeId: t.nativeId,
      name: t.name,
      daemon: t.daemon,
      state,
      holdsGil: current && t.state === 'running',
      blockedOn: t.state === 'blocked' ? t.blockedWhat : null,
      wakeAtSeconds: t.state === 'blocked' && t.deadlineNs !== null ? t.deadlineNs / 1e9 : null,
      frames,
    };
  });
  return {
    virtualSeconds: s.nowNs() / 1e9,
    threads,
    gil: {
      holder: s.current.state === 'running' ? s.current.name : null,
      waiters: s.ready.map((t) => t.name),
      dropRequest: s.dropRequest,
      switchInterval: s.switchIntervalNs / 1e9,
      switches: s.switches,
      log: s.log.map((h) => ({ atSeconds: h.atNs / 1e9, from: h.from?.name ?? null, to: h.to?.name ?? null, reason: h.reason })),
    },
  };
}
