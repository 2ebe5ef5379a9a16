// The GIL timeline: a webview view in the Run and Debug side bar (`pyxray.gilTimeline`). On every
// stop it asks the adapter for pyxray/gilTimeline and sends the answer as it is; drawing lives
// in client/webview/gilTimeline/ (bundled to dist/webview/gilTimeline.js).

import * as vscode from 'vscode';
import { gilTimeline } from '../../../debug-adapter/src/protocol';
import type { GilTimelineToHost, HostToGilTimeline } from '../../webview/messages';
import type { PyxraySessions, StopInfo } from '../sessionEvents';
import { requestErrorText, sendCustomRequest } from './customRequests';
import { webviewHtml, webviewOptions } from './webviewHtml';
import { GIL_TIMELINE_BODY } from './webviewBodies';

export const GIL_VIEW = 'pyxray.gilTimeline';

export class GilTimelineView implements vscode.WebviewViewProvider, vscode.Disposable {
  private view: vscode.WebviewView | undefined;
  private lastMessage: HostToGilTimeline | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly extensionUri: vscode.Uri, private readonly sessions: PyxraySessions) {
    this.disposables.push(
      sessions.onDidStop((stop) => void this.refresh(stop)),
      sessions.onDidEnd(() => {
        if (!sessions.hasSessions) this.post({ kind: 'unavailable', text: 'The PyXray session ended.' });
      }),
    );
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.view = view;
    view.webview.options = webviewOptions(this.extensionUri);
    view.webview.html = webviewHtml(view.webview, this.extensionUri, { title: 'GIL timeline', script: 'gilTimeline.js', body: GIL_TIMELINE_BODY });
    view.webview.onDidReceiveMessage((message: GilTimelineToHost) => {
      if (message.kind !== 'ready') return;
      // A view opened during a stop it has not drawn asks for it; otherwise it shows the last answer.
      const stop = this.sessions.currentStop();
      if (stop && stop.generation !== this.shownStop) void this.refresh(stop);
      else if (this.lastMessage) void view.webview.postMessage(this.lastMessage);
    });
    view.onDidChangeVisibility(() => {
      // A hidden timeline is not refreshed on each stop; it catches up when it shows.
      const stop = this.sessions.currentStop();
      if (view.visible && stop && stop.generation !== this.shownStop) void this.refresh(stop);
      else if (view.visible && this.lastMessage) void view.webview.postMessage(this.lastMessage);
    });
    view.onDidDispose(() => {
      this.view = undefined;
    });
  }

  /** The stop whose timeline the view shows. */
  private shownStop = 0;

  async refresh(stop: StopInfo): Promise<void> {
    if (!this.view?.visible) return;
    this.shownStop = stop.generation;
    let message: HostToGilTimeline;
    try {
      const timeline = await sendCustomRequest(stop.session, gilTimeline, {});
      message = { kind: 'timeline', timeline };
    } catch (error) {
      message = { kind: 'unavailable', text: `The GIL timeline is not available: ${requestErrorText(error)}` };
    }
    if (this.sessions.isCurrent(stop)) this.post(message);
  }

  private post(message: HostToGilTimeline): void {
    this.lastMessage = message;
    void this.view?.webview.postMessage(message);
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}

export function registerGilTimeline(context: vscode.ExtensionContext, sessions: PyxraySessions): GilTimelineView {
  const view = new GilTimelineView(context.extensionUri, sessions);
  context.subscriptions.push(view, vscode.window.registerWebviewViewProvider(GIL_VIEW, view));
  return view;
}
