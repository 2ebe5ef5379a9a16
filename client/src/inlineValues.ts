// Inline values while a PyXray session is stopped: after each line from the stopped function's
// `def` down to the stopped line, the names on it with their values and refcounts, as
// `b = [1, 2] ⟨refcount 2⟩` — and a cell variable as `count = 1000 ⟨cell refcount 2 · refcount 1⟩`.
// The values are the adapter's (frameFacts.ts reads its Variables scopes), never re-evaluated.

import * as vscode from 'vscode';
import { DEBUG_TYPE } from './sessionEvents';
import { FrameReader, isQuiet, refcountNote } from './frameFacts';

const PYTHON_KEYWORDS = new Set([
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif',
  'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or',
  'pass', 'raise', 'return', 'try', 'while', 'with', 'yield', 'match', 'case',
]);
const IDENTIFIER = /[A-Za-z_][A-Za-z0-9_]*/g;
/** Names per stop that get a refcount lookup: each costs a variables round trip. */
const MAX_NAMES = 40;
/** Longest value text shown inline. */
const MAX_VALUE = 60;

export class InlineNames implements vscode.InlineValuesProvider {
  async provideInlineValues(document: vscode.TextDocument, viewPort: vscode.Range, context: vscode.InlineValueContext): Promise<vscode.InlineValue[]> {
    const session = vscode.debug.activeDebugSession;
    if (session?.type !== DEBUG_TYPE) return [];
    const stoppedLine = Math.min(context.stoppedLocation.end.line, viewPort.end.line);
    const lines: { line: number; names: string[] }[] = [];
    const wanted = new Set<string>();
    for (let line = Math.max(firstLineOfBlock(document, stoppedLine), viewPort.start.line); line <= stoppedLine; line++) {
      const text = withoutStringsAndComments(document.lineAt(line).text);
      const names: string[] = [];
      for (const match of text.matchAll(IDENTIFIER)) {
        const start = match.index ?? 0;
        const name = match[0];
        if (PYTHON_KEYWORDS.has(name) || text[start - 1] === '.' || names.includes(name)) continue;
        names.push(name);
        if (wanted.size < MAX_NAMES) wanted.add(name);
      }
      lines.push({ line, names });
    }
    let facts;
    try {
      facts = await new FrameReader(session).names(context.frameId, wanted);
    } catch {
      return [];
    }
    const values: vscode.InlineValue[] = [];
    for (const { line, names } of lines) {
      const shown = names.map((name) => facts.get(name)).filter((fact) => fact !== undefined && !isQuiet(fact));
      if (shown.length === 0) continue;
      const text = shown.map((fact) => `${fact!.name} = ${clip(fact!.value)}${refcountNote(fact!)}`).join(', ');
      const end = document.lineAt(line).range.end;
      values.push(new vscode.InlineValueText(new vscode.Range(end, end), text));
    }
    return values;
  }
}

function clip(text: string): string {
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
}

/** The line of the innermost `def` above `line` at a smaller indent, or 0 for module code. */
export function firstLineOfBlock(document: vscode.TextDocument, line: number): number {
  let indent = document.lineAt(line).firstNonWhitespaceCharacterIndex;
  for (let current = line; current >= 0; current--) {
    const text = document.lineAt(current);
    if (text.isEmptyOrWhitespace) continue;
    if (text.firstNonWhitespaceCharacterIndex < indent) {
      if (/^\s*(async\s+)?def\s/.test(text.text)) return current;
      indent = text.firstNonWhitespaceCharacterIndex;
    }
  }
  return 0;
}

/** Blanks out string literals and a trailing comment so names inside them are not looked up. */
function withoutStringsAndComments(text: string): string {
  return text
    .replace(/(['"])(?:\\.|(?!\1).)*\1/g, (literal) => ' '.repeat(literal.length))
    .replace(/#.*$/, '');
}
