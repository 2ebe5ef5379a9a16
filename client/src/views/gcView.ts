// The GC view (`pyxray.gc`, a tree in the Run and Debug side bar): per generation its count
// against its threshold, the objects it tracks and its collections so far; gc.garbage; and the
// latest collections with why they ran and what they freed. Refreshed on every stop from the
// adapter's pyxray/gcLog; the tree shape and labels are built by a pure function (gcTree) so the
// unit tests check them on fixture data.

import * as vscode from 'vscode';
import { gcLog, type GcLogResponse } from '../../../debug-adapter/src/protocol';
import type { PyxraySessions, StopInfo } from '../sessionEvents';
import { requestErrorText, sendCustomRequest } from './customRequests';
import { gcTree, type GcNode } from './gcTree';

export const GC_VIEW = 'pyxray.gc';

export class GcView implements vscode.TreeDataProvider<GcNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private roots: GcNode[] = [];
  private view: vscode.TreeView<GcNode> | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly sessions: PyxraySessions) {
    this.disposables.push(
      this.changed,
      sessions.onDidStop((stop) => void this.refresh(stop)),
      sessions.onDidEnd(() => {
        if (sessions.hasSessions) return;
        this.show([], 'The PyXray session ended.');
      }),
    );
  }

  attach(view: vscode.TreeView<GcNode>): void {
    this.view = view;
    this.view.message = 'Start a PyXray debug session: the collector\'s state shows when the program stops.';
    // A collapsed view is not refreshed on each stop; it catches up when it shows.
    this.disposables.push(view.onDidChangeVisibility(() => {
      const stop = this.sessions.currentStop();
      if (view.visible && stop && stop.generation !== this.shownStop) void this.refresh(stop);
    }));
  }

  /** The stop whose state the tree shows. */
  private shownStop = 0;

  async refresh(stop: StopInfo): Promise<void> {
    if (!this.view?.visible) return;
    this.shownStop = stop.generation;
    let log: GcLogResponse;
    try {
      log = await sendCustomRequest(stop.session, gcLog, {});
    } catch (error) {
      if (this.sessions.isCurrent(stop)) this.show([], `GC state is not available: ${requestErrorText(error)}`);
      return;
    }
    if (!this.sessions.isCurrent(stop)) return;
    this.show(gcTree(log), undefined, log.state.enabled ? 'enabled' : 'disabled (gc.disable())');
  }

  private show(roots: GcNode[], message: string | undefined, description?: string): void {
    this.roots = roots;
    if (this.view) {
      this.view.message = message;
      this.view.description = description;
    }
    this.changed.fire();
  }

  getTreeItem(node: GcNode): vscode.TreeItem {
    const item = new vscode.TreeItem(node.label, node.children && node.children.length > 0
      ? (node.expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed)
      : vscode.TreeItemCollapsibleState.None);
    item.id = node.id;
    item.description = node.description;
    item.tooltip = node.tooltip;
    if (node.icon) item.iconPath = new vscode.ThemeIcon(node.icon, node.iconColor ? new vscode.ThemeColor(node.iconColor) : undefined);
    item.accessibilityInformation = { label: `${node.label}${node.description ? `, ${node.description}` : ''}` };
    return item;
  }

  getChildren(node?: GcNode): GcNode[] {
    return node ? node.children ?? [] : this.roots;
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}

export function registerGcView(context: vscode.ExtensionContext, sessions: PyxraySessions): GcView {
  const provider = new GcView(sessions);
  const view = vscode.window.createTreeView(GC_VIEW, { treeDataProvider: provider, showCollapseAll: true });
  provider.attach(view);
  context.subscriptions.push(provider, view);
  return provider;
}
