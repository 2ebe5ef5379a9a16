// The status bar item while a PyXray session runs: "PyXray: running", or when stopped
// "PyXray: stopped (breakpoint) · GIL MainThread · GC 12 · 0 · 0" — the thread holding the GIL
// (pyxray/gilTimeline) and the collector's generation counts (pyxray/gcLog). A part the adapter
// cannot answer yet is left out; the tooltip says more about each.

import * as vscode from 'vscode';
import { gcLog, gilTimeline, type CustomRequest, type GcLogResponse, type GilTimelineResponse } from '../../debug-adapter/src/protocol';
import type { PyxraySessions, StopInfo } from './sessionEvents';
import { sendCustomRequest } from './views/customRequests';
import { gcCountsText } from './views/gcTree';

export function gilHolderText(timeline: GilTimelineResponse): string {
  const holder = timeline.threads.find((thread) => thread.id === timeline.holder);
  return `GIL ${holder ? holder.name : 'free'}`;
}

export class SessionStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('pyxray.session', vscode.StatusBarAlignment.Left, 10);
  private readonly disposables: vscode.Disposable[] = [];
  /** Sessions whose adapter could not answer a request: not asked again on every stop. */
  private readonly unanswered = new Map<string, Set<string>>();

  constructor(private readonly sessions: PyxraySessions) {
    this.item.name = 'PyXray session';
    this.item.command = 'workbench.view.debug';
    this.disposables.push(
      sessions.onDidStart((session) => this.show('$(debug-alt) PyXray: running', `${session.name}: CPython 3.11 internals on PyXray's runtime`)),
      sessions.onDidContinue((session) => this.show('$(debug-alt) PyXray: running', `${session.name}: CPython 3.11 internals on PyXray's runtime`)),
      sessions.onDidStop((stop) => void this.stopped(stop)),
      sessions.onDidEnd((session) => {
        this.unanswered.delete(session.id);
        if (!sessions.hasSessions) this.item.hide();
      }),
    );
  }

  private async stopped(stop: StopInfo): Promise<void> {
    const head = `$(debug-pause) PyXray: stopped (${stop.reason})`;
    this.show(head, `${stop.session.name}: stopped (${stop.reason})`);
    const [timeline, log] = await Promise.all([this.ask(stop, gilTimeline), this.ask(stop, gcLog)]);
    if (!this.sessions.isCurrent(stop)) return;
    const parts = [head];
    const tooltip = new vscode.MarkdownString(`${stop.session.name}: stopped (${stop.reason})`);
    if (timeline) {
      parts.push(gilHolderText(timeline));
      tooltip.appendMarkdown(`\n\n$(lock) ${describeGil(timeline)}`);
    }
    if (log) {
      parts.push(gcCountsText(log));
      tooltip.appendMarkdown(`\n\n$(layers) ${describeGc(log)}`);
    }
    tooltip.supportThemeIcons = true;
    this.show(parts.join(' · '), tooltip);
  }

  private async ask<Args extends object, Body>(stop: StopInfo, request: CustomRequest<Args, Body>): Promise<Body | undefined> {
    const skipped = this.unanswered.get(stop.session.id) ?? new Set<string>();
    if (skipped.has(request.command)) return undefined;
    try {
      return await sendCustomRequest(stop.session, request, {} as Args);
    } catch {
      skipped.add(request.command);
      this.unanswered.set(stop.session.id, skipped);
      return undefined;
    }
  }

  private show(text: string, tooltip: string | vscode.MarkdownString): void {
    this.item.text = text;
    this.item.tooltip = tooltip;
    this.item.show();
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
    this.item.dispose();
  }
}

function describeGil(timeline: GilTimelineResponse): string {
  const name = (id: number) => timeline.threads.find((thread) => thread.id === id)?.name ?? `thread ${id}`;
  const holder = timeline.holder === null ? 'nobody holds the GIL' : `${name(timeline.holder)} holds the GIL`;
  const waiting = timeline.waiters.length > 0 ? `; waiting: ${timeline.waiters.map(name).join(', ')}` : '';
  return `${holder}${waiting}; ${timeline.switches} switches so far`;
}

function describeGc(log: GcLogResponse): string {
  const generations = log.state.generations.map((g) => `gen ${g.generation} ${g.count}/${g.threshold}`).join(', ');
  return `GC ${log.state.enabled ? 'enabled' : 'disabled'}: ${generations}; ${log.events.length} collections`;
}
