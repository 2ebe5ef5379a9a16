// Marks the instruction a stopped PyXray frame executes next in the open bytecode listings
// (`pyxray-bytecode:` documents of the same program): a whole-line highlight with VS Code's
// stack-frame colours, an arrow before the offset and a mark in the overview ruler. The frame's
// code object and offset come from its "Frame internals" scope (frameFacts.ts); the listing's
// `code <qualname> line <n>` header finds the code object's section, and the offset its line.

import * as vscode from 'vscode';
import { BYTECODE_SCHEME } from './listingDocuments';
import { FrameReader, type InstructionFact } from './frameFacts';
import { instructionLine } from './listingLines';
import { DEBUG_TYPE } from './sessionEvents';

export class CurrentInstructionMarker implements vscode.Disposable {
  private readonly decoration = vscode.window.createTextEditorDecorationType({
    isWholeLine: true,
    backgroundColor: new vscode.ThemeColor('editor.stackFrameHighlightBackground'),
    overviewRulerColor: new vscode.ThemeColor('debugIcon.stopForeground'),
    overviewRulerLane: vscode.OverviewRulerLane.Full,
    before: { contentText: '▶', color: new vscode.ThemeColor('debugIcon.stopForeground'), margin: '0 4px 0 0' },
  });
  private current: { program: string; fact: InstructionFact } | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private generation = 0;

  constructor() {
    this.disposables.push(
      this.decoration,
      vscode.debug.onDidChangeActiveStackItem(() => void this.update()),
      vscode.window.onDidChangeVisibleTextEditors(() => this.paint()),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document.uri.scheme === BYTECODE_SCHEME) this.paint();
      }),
      vscode.debug.onDidTerminateDebugSession(() => {
        this.current = undefined;
        this.paint();
      }),
    );
  }

  private async update(): Promise<void> {
    const generation = ++this.generation;
    const item = vscode.debug.activeStackItem;
    const session = item?.session;
    if (!(item instanceof vscode.DebugStackFrame) || session?.type !== DEBUG_TYPE) {
      this.current = undefined;
      this.paint();
      return;
    }
    let fact: InstructionFact | undefined;
    try {
      fact = await new FrameReader(session).instruction(item.frameId);
    } catch {
      fact = undefined;
    }
    if (generation !== this.generation) return;
    const program = (session.configuration as { program?: string }).program;
    this.current = fact && program ? { program, fact } : undefined;
    this.paint();
  }

  private paint(): void {
    for (const editor of vscode.window.visibleTextEditors) {
      if (editor.document.uri.scheme !== BYTECODE_SCHEME) continue;
      const line = this.current && sourceOf(editor.document.uri) === this.current.program
        ? instructionLine(editor.document.getText().split('\n'), this.current.fact)
        : undefined;
      if (line === undefined) {
        editor.setDecorations(this.decoration, []);
        continue;
      }
      const range = editor.document.lineAt(line).range;
      editor.setDecorations(this.decoration, [{ range, hoverMessage: `PyXray: the stopped frame executes this instruction next (offset ${this.current!.fact.offset})` }]);
      editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}

/** The file path of the Python source a listing URI was made from. */
function sourceOf(listing: vscode.Uri): string | undefined {
  try {
    const request = JSON.parse(listing.query) as { uri?: string };
    return request.uri ? vscode.Uri.parse(request.uri).fsPath : undefined;
  } catch {
    return undefined;
  }
}
