// Which PyXray debug sessions are alive and when they stop, continue or end, as one event
// source for the status bar and the views. It is fed by a debug adapter tracker (the messages
// the adapter sends), so it sees `stopped` before VS Code has asked for the stack — the views
// ask their custom requests in parallel with VS Code's own stackTrace/scopes round.

import * as vscode from 'vscode';

export const DEBUG_TYPE = 'pyxray';

export interface StopInfo {
  session: vscode.DebugSession;
  reason: string;
  /** Counts stops of this session: a view that answers late can tell it is stale. */
  generation: number;
}

interface AdapterMessage {
  type?: string;
  event?: string;
  body?: { reason?: string };
}

export class PyxraySessions implements vscode.Disposable {
  private readonly stopped = new vscode.EventEmitter<StopInfo>();
  private readonly continued = new vscode.EventEmitter<vscode.DebugSession>();
  private readonly started = new vscode.EventEmitter<vscode.DebugSession>();
  private readonly ended = new vscode.EventEmitter<vscode.DebugSession>();
  private readonly live = new Map<string, { session: vscode.DebugSession; lastStop: StopInfo | undefined }>();
  private generation = 0;

  readonly onDidStop = this.stopped.event;
  readonly onDidContinue = this.continued.event;
  readonly onDidStart = this.started.event;
  readonly onDidEnd = this.ended.event;

  /** For vscode.debug.registerDebugAdapterTrackerFactory(DEBUG_TYPE, …). */
  trackerFor(session: vscode.DebugSession): vscode.DebugAdapterTracker {
    return {
      onWillStartSession: () => {
        this.live.set(session.id, { session, lastStop: undefined });
        this.started.fire(session);
      },
      onDidSendMessage: (message: AdapterMessage) => {
        if (message.type !== 'event') return;
        const entry = this.live.get(session.id);
        if (message.event === 'stopped') {
          const stop = { session, reason: message.body?.reason ?? 'pause', generation: ++this.generation };
          if (entry) entry.lastStop = stop;
          this.stopped.fire(stop);
        } else if (message.event === 'continued') {
          if (entry) entry.lastStop = undefined;
          this.continued.fire(session);
        }
      },
      onWillStopSession: () => this.end(session),
      onExit: () => this.end(session),
    };
  }

  /** The stop the views should show: the active PyXray session's, else any stopped PyXray session's. */
  currentStop(): StopInfo | undefined {
    const active = vscode.debug.activeDebugSession;
    const activeEntry = active ? this.live.get(active.id) : undefined;
    if (activeEntry?.lastStop) return activeEntry.lastStop;
    for (const entry of this.live.values()) if (entry.lastStop) return entry.lastStop;
    return undefined;
  }

  /** Still the latest stop of its session (no continue, no newer stop since)? */
  isCurrent(stop: StopInfo): boolean {
    return this.live.get(stop.session.id)?.lastStop?.generation === stop.generation;
  }

  get hasSessions(): boolean {
    return this.live.size > 0;
  }

  private end(session: vscode.DebugSession): void {
    if (!this.live.delete(session.id)) return;
    this.ended.fire(session);
  }

  dispose(): void {
    this.stopped.dispose();
    this.continued.dispose();
    this.started.dispose();
    this.ended.dispose();
  }
}
