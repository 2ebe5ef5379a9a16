// The memory map: a webview view in the Run and Debug side bar (`pyxray.memoryMap`) and, on
// request, the same map in an editor panel. On every stop of a PyXray session it asks the
// adapter for pyxray/heapMap, keeps the answer, and sends the webview its compact form; when the
// user selects a block it sends that block's object and who holds it (pyxray/objectGraph).
// Drawing lives in client/webview/memoryMap/ (bundled to dist/webview/memoryMap.js).

import * as vscode from 'vscode';
import { heapMap, objectGraph, type HeapMapResponse } from '../../../debug-adapter/src/protocol';
import type { HostToMemoryMap, MemoryMapToHost, BlockPosition } from '../../webview/messages';
import type { PyxraySessions, StopInfo } from '../sessionEvents';
import { requestErrorText, sendCustomRequest } from './customRequests';
import { blockAt, compactHeap, watchNameOf } from './heapEncoding';
import { webviewHtml, webviewOptions } from './webviewHtml';
import { memoryMapBody } from './webviewBodies';

export const MEMORY_MAP_VIEW = 'pyxray.memoryMap';
export const OPEN_MEMORY_MAP_COMMAND = 'pyxray.openMemoryMap';

interface MapHost {
  readonly webview: vscode.Webview;
  /** Shown now (a collapsed side bar view or a background tab is not). */
  readonly visible: () => boolean;
}

export class MemoryMap implements vscode.WebviewViewProvider, vscode.Disposable {
  private readonly hosts = new Set<MapHost>();
  private last: { stop: StopInfo; response: HeapMapResponse } | undefined;
  private lastMessage: HostToMemoryMap | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  /** Sessions whose adapter has been asked for the heap map at least once. */
  private readonly primed = new Set<string>();

  constructor(private readonly extensionUri: vscode.Uri, private readonly sessions: PyxraySessions) {
    this.disposables.push(
      sessions.onDidEnd((session) => this.primed.delete(session.id)),
      sessions.onDidStop((stop) => void this.refresh(stop)),
      sessions.onDidContinue(() => this.broadcast({ kind: 'running' })),
      sessions.onDidEnd(() => {
        if (!sessions.hasSessions) this.broadcast({ kind: 'unavailable', text: 'The PyXray session ended. Start one to see the heap.' });
      }),
    );
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.attach(view, false);
  }

  openPanel(): void {
    const panel = vscode.window.createWebviewPanel('pyxray.memoryMapPanel', 'PyXray Memory Map', vscode.ViewColumn.Beside, {
      ...webviewOptions(this.extensionUri),
      retainContextWhenHidden: false,
    });
    this.attach(panel, true);
  }

  private attach(host: vscode.WebviewView | vscode.WebviewPanel, inPanel: boolean): void {
    const webview = host.webview;
    webview.options = webviewOptions(this.extensionUri);
    webview.html = webviewHtml(webview, this.extensionUri, { title: 'PyXray Memory Map', script: 'memoryMap.js', body: memoryMapBody(inPanel) });
    const entry: MapHost = { webview, visible: () => host.visible };
    this.hosts.add(entry);
    const listener = webview.onDidReceiveMessage((message: MemoryMapToHost) => void this.onMessage(entry, message));
    // A hidden map is not drawn on each stop; it catches up when it shows again.
    const shown = 'onDidChangeVisibility' in host
      ? host.onDidChangeVisibility(() => this.catchUp(entry))
      : host.onDidChangeViewState(() => this.catchUp(entry));
    host.onDidDispose(() => {
      this.hosts.delete(entry);
      listener.dispose();
      shown.dispose();
    });
  }

  private catchUp(host: MapHost): void {
    if (!host.visible()) return;
    const stop = this.sessions.currentStop();
    if (stop && (!this.last || this.last.stop.generation !== stop.generation)) void this.refresh(stop);
    else if (this.lastMessage) void host.webview.postMessage(this.lastMessage);
  }

  private async onMessage(host: MapHost, message: MemoryMapToHost): Promise<void> {
    switch (message.kind) {
      case 'ready':
        this.catchUp(host);
        break;
      case 'select':
        await this.select(host, message.position);
        break;
      case 'watch':
        // VS Code's own "Add to Watch" (the Variables view's context menu command): the Watch
        // view then shows the object with its ob_refcnt, id and type.
        await vscode.commands.executeCommand('debug.addToWatchExpressions', { variable: { evaluateName: message.name } });
        await vscode.commands.executeCommand('workbench.debug.watchExpressionsView.focus');
        break;
      case 'openInPanel':
        this.openPanel();
        break;
    }
  }

  /** Asks the adapter for the heap at this stop and sends it to every open map. */
  async refresh(stop: StopInfo): Promise<void> {
    if (![...this.hosts].some((host) => host.visible())) {
      // Nobody looks: ask when a map opens or shows again, not on every stop. The adapter
      // records the used blocks at each stop once a session's heap map has been asked for, so
      // an open but hidden map asks once, cheaply (counts only), for "since the last stop" to be
      // known when it shows again.
      this.lastMessage = undefined;
      this.last = undefined;
      if (this.hosts.size > 0 && !this.primed.has(stop.session.id)) {
        this.primed.add(stop.session.id);
        await sendCustomRequest(stop.session, heapMap, { blocks: false }).catch(() => undefined);
      }
      return;
    }
    this.primed.add(stop.session.id);
    let message: HostToMemoryMap;
    try {
      const response = await sendCustomRequest(stop.session, heapMap, { blocks: true });
      if (!this.sessions.isCurrent(stop)) return;
      this.last = { stop, response };
      message = { kind: 'heap', heap: compactHeap(response) };
    } catch (error) {
      if (!this.sessions.isCurrent(stop)) return;
      this.last = undefined;
      message = { kind: 'unavailable', text: `The heap map is not available: ${requestErrorText(error)}` };
    }
    this.broadcast(message);
  }

  private async select(host: MapHost, position: BlockPosition): Promise<void> {
    const last = this.last;
    if (!last || !this.sessions.isCurrent(last.stop)) return;
    const block = blockAt(last.response, position);
    if (!block) return;
    const freed = new Set(last.response.sinceLastStop.freed);
    const selected = {
      position,
      address: block.address,
      state: block.state,
      isNew: block.state === 'used' && (block.isNew === true || last.response.sinceLastStop.allocated.includes(block.address)),
      wasFreed: block.state === 'free' && freed.has(block.address),
      object: block.object,
      heldBy: undefined as string[] | undefined,
      watchName: undefined as string | undefined,
    };
    if (block.object) {
      try {
        const graph = await sendCustomRequest(last.stop.session, objectGraph, { address: block.address, direction: 'referrers', depth: 1, maxNodes: 20 });
        const rootLabels = (graph.roots ?? []).filter((root) => root.to === block.address).map((root) => root.label);
        const byAddress = new Map(graph.nodes.map((node) => [node.address, node]));
        const referrers = graph.edges.filter((edge) => edge.to === block.address).map((edge) => {
          const from = byAddress.get(edge.from);
          return `${from ? `${from.type} at ${from.address}` : edge.from}${edge.label ? ` ${edge.label}` : ''}`;
        });
        selected.heldBy = [...rootLabels, ...referrers];
        const dictKeys = graph.edges.filter((edge) => edge.to === block.address && byAddress.get(edge.from)?.type === 'dict').map((edge) => edge.label ?? '');
        selected.watchName = watchNameOf(rootLabels, dictKeys);
      } catch {
        // Referrers are extra: the object itself is still shown.
      }
    }
    if (!this.sessions.isCurrent(last.stop)) return;
    await host.webview.postMessage({ kind: 'object', selected } satisfies HostToMemoryMap);
  }

  private broadcast(message: HostToMemoryMap): void {
    this.lastMessage = message;
    for (const host of this.hosts) void host.webview.postMessage(message);
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}

export function registerMemoryMap(context: vscode.ExtensionContext, sessions: PyxraySessions): MemoryMap {
  const map = new MemoryMap(context.extensionUri, sessions);
  context.subscriptions.push(
    map,
    vscode.window.registerWebviewViewProvider(MEMORY_MAP_VIEW, map),
    vscode.commands.registerCommand(OPEN_MEMORY_MAP_COMMAND, () => map.openPanel()),
  );
  return map;
}
