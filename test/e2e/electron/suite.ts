// Runs inside a VS Code desktop extension host (started by ../electron.test.ts through
// @vscode/test-electron): the same checks as the code-server suite, through the API the UI
// uses — inlay hints and code lenses from the providers, the bytecode listing the lens opens,
// a breakpoint stop in a closure with its variables, the adapter's disassembly, and the heap
// the memory map draws.

import assert from 'node:assert/strict';
import path from 'node:path';
import * as vscode from 'vscode';
import { heapMap, type HeapMapArguments, type HeapMapResponse } from '../../../debug-adapter/src/protocol';

async function waitFor<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, event: vscode.Event<unknown>[]): Promise<T> {
  // Re-probe whenever one of the events fires; the extension host's own timeout bounds the wait.
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise<void>((resolve) => {
      const subscriptions = event.map((e) => e(() => { subscriptions.forEach((s) => s.dispose()); resolve(); }));
    });
    void what;
  }
}

export async function run(): Promise<void> {
  const workspace = vscode.workspace.workspaceFolders![0].uri.fsPath;
  const closure = vscode.Uri.file(path.join(workspace, 'closure.py'));
  const mro = vscode.Uri.file(path.join(workspace, 'mro.py'));
  const extension = vscode.extensions.getExtension('pyxray.pyxray');
  assert.ok(extension, 'the PyXray extension is installed');

  const mroEditor = await vscode.window.showTextDocument(mro);
  await extension.activate();
  const everything = new vscode.Range(0, 0, mroEditor.document.lineCount, 0);
  const hintLabels = async (uri: vscode.Uri) => {
    const hints = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', uri, everything);
    const labels = hints.map((hint) => (typeof hint.label === 'string' ? hint.label : hint.label.map((part) => part.value).join('')));
    return labels.length ? labels : undefined;
  };
  const changes = [vscode.workspace.onDidChangeTextDocument, vscode.window.onDidChangeVisibleTextEditors, vscode.languages.onDidChangeDiagnostics];
  const mroHints = await waitFor('MRO hints', () => hintLabels(mro), changes);
  assert.ok(mroHints.includes('MRO: D → B2 → A2 → B → C → A → object'), mroHints.join('\n'));

  await vscode.window.showTextDocument(closure);
  const closureHints = await waitFor('closure hints', () => hintLabels(closure), changes);
  assert.ok(closureHints.includes('cells: outer_variable'), closureHints.join('\n'));

  const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', closure);
  const bytecodeLens = lenses.find((lens) => lens.command?.title === 'show bytecode');
  assert.ok(bytecodeLens?.command);
  await vscode.commands.executeCommand(bytecodeLens.command.command, ...(bytecodeLens.command.arguments ?? []));
  const listing = vscode.workspace.textDocuments.find((document) => document.uri.scheme === 'pyxray-bytecode');
  assert.ok(listing, 'a pyxray-bytecode document is open');
  assert.equal(listing.languageId, 'pyxray-bytecode');
  assert.match(listing.getText(), /MAKE_CELL/);

  vscode.debug.addBreakpoints([new vscode.SourceBreakpoint(new vscode.Location(closure, new vscode.Position(7, 0)))]);
  await vscode.window.showTextDocument(closure);
  assert.ok(await vscode.commands.executeCommand<boolean>('pyxray.debugFile', closure));
  const frame = await waitFor('a stop', () => {
    const item = vscode.debug.activeStackItem;
    return item instanceof vscode.DebugStackFrame ? item : undefined;
  }, [vscode.debug.onDidChangeActiveStackItem]);
  const session = frame.session;
  const { scopes } = await session.customRequest('scopes', { frameId: frame.frameId });
  const names: string[] = [];
  for (const scope of scopes) {
    const { variables } = await session.customRequest('variables', { variablesReference: scope.variablesReference });
    names.push(...variables.map((variable: { name: string }) => variable.name));
  }
  assert.ok(names.includes('outer_variable'), names.join(', '));
  const { stackFrames } = await session.customRequest('stackTrace', { threadId: frame.threadId });
  const reference = stackFrames[0].instructionPointerReference;
  const { instructions } = await session.customRequest('disassemble', { memoryReference: reference, instructionCount: 10 });
  assert.ok(instructions.some((instruction: { instruction: string }) => /LOAD_/.test(instruction.instruction)));
  // What the memory map view draws, and the view opened as an editor panel.
  const heap = await session.customRequest(heapMap.command, { blocks: true } satisfies HeapMapArguments) as HeapMapResponse;
  assert.ok(heap.totals.blocksUsed > 0 && heap.arenas.length > 0, JSON.stringify(heap.totals));
  await vscode.commands.executeCommand('pyxray.openMemoryMap');
  assert.ok(vscode.window.tabGroups.all.some((group) => group.tabs.some((tab) => tab.label === 'PyXray Memory Map')), 'the memory map panel is open');
  await vscode.debug.stopDebugging(session);
}
