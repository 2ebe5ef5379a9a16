// Inlay hints: after a name, how CPython resolves it when that is not a plain local (`global`,
// `builtin`, `free`, `cell`); after a def or lambda header, its closure cells and free
// variables; after a class header, its MRO (or the TypeError the class statement raises).
// Each kind can be switched off in the settings.

import { InlayHint, InlayHintKind, type Position, type Range } from 'vscode-languageserver';
import type { AstStmt, LineMap, Scope } from '../analysis/runtimeApi';
import { allDefinitions } from '../analysis/definitions';
import type { DocumentAnalysis } from '../analysis/documentAnalysis';
import { scopeOfBlock } from '../analysis/frontEnd';
import { mroLabel } from '../analysis/mro';
import type { NameOccurrence } from '../analysis/nameIndex';
import { nameInstruction } from '../analysis/resolution';
import type { PyXraySettings } from '../protocol';
import { positionAt } from './positions';

/** The hint after a name, or null for a plain local (and for module-level names at module level). */
export function scopeHintLabel(occurrence: NameOccurrence): string | null {
  if (occurrence.role === 'declaration') return null;
  switch (occurrence.resolution.kind) {
    case 'builtin':
      return 'builtin';
    case 'cell':
      return 'cell';
    case 'free':
      return 'free';
    case 'global':
    case 'undefined':
      return occurrence.scope.type === 'module' ? null : 'global';
    default:
      return null;
  }
}

/** `cells: count · free: step` for a function-like block, or null when it has neither. */
export function closureLabel(scope: Scope): string | null {
  const parts: string[] = [];
  const cells = scope.cellvars();
  const free = scope.freevars();
  if (cells.length) parts.push(`cells: ${cells.join(', ')}`);
  if (free.length) parts.push(`free: ${free.join(', ')}`);
  return parts.length ? parts.join(' · ') : null;
}

export function inlayHints(analysis: DocumentAnalysis, range: Range, settings: PyXraySettings): InlayHint[] {
  const hints: InlayHint[] = [];
  const firstLine = range.start.line + 1;
  const lastLine = range.end.line + 1;
  const inRange = (line: number) => line >= firstLine && line <= lastLine;
  const names = analysis.names;
  const table = analysis.symtable;

  if (settings.inlayHints.scopes && names) {
    for (const occurrence of names.inLines(firstLine, lastLine)) {
      const label = scopeHintLabel(occurrence);
      if (label) hints.push(hint(positionAt(analysis.lines, occurrence.line, occurrence.endByte), label, instructionTooltip(occurrence)));
    }
  }

  if ((settings.inlayHints.closures || settings.inlayHints.mro) && table) {
    const mro = settings.inlayHints.mro ? analysis.mro : null;
    for (const definition of allDefinitions(analysis.definitions)) {
      const node = definition.node;
      // A header hint lies between the keyword's line and the body's first line.
      if (node.lineno > lastLine || headerLastLine(node) < firstLine) continue;
      if (definition.kind === 'class' && mro && node.nodeType === 'ClassDef') {
        const label = mroLabel(mro.of(node));
        const at = headerEnd(analysis.lines, node);
        if (label && inRange(at.line + 1)) hints.push(hint(at, label, 'the class statement computes this with C3 (hover the class name for the merge steps)'));
      } else if (settings.inlayHints.closures && (definition.kind === 'function' || definition.kind === 'lambda')) {
        const scope = scopeOfBlock(table, node);
        const label = scope ? closureLabel(scope) : null;
        if (!label) continue;
        const at =
          node.nodeType === 'Lambda'
            ? positionAt(analysis.lines, node.end_lineno, node.end_col_offset)
            : headerEnd(analysis.lines, node as Extract<AstStmt, { body: AstStmt[]; lineno: number }>);
        if (inRange(at.line + 1)) hints.push(hint(at, label, 'co_cellvars: locals captured by inner blocks · co_freevars: variables taken from enclosing functions'));
      }
    }
  }
  return hints.sort((a, b) => a.position.line - b.position.line || a.position.character - b.position.character);
}

function headerLastLine(node: { lineno: number; end_lineno: number; body?: unknown }): number {
  const body = node.body;
  return Array.isArray(body) && body.length ? (body[0] as { lineno: number }).lineno : node.end_lineno;
}

function hint(position: Position, label: string, tooltip: string): InlayHint {
  return { position, label, tooltip, kind: InlayHintKind.Type, paddingLeft: true };
}

/** What CPython executes for this use, shown when the pointer rests on the hint. */
function instructionTooltip(o: NameOccurrence): string {
  const access = o.role === 'read' ? 'load' : o.role === 'delete' ? 'delete' : 'store';
  if (o.role === 'parameter') return 'a parameter: bound by the call';
  const instruction = nameInstruction(o.scope, o.symbol, access);
  return o.role === 'augmented' ? `CPython: ${nameInstruction(o.scope, o.symbol, 'load')} then ${instruction}` : `CPython: ${instruction}`;
}

/** Just after the `:` that ends a def or class header (which may span lines), else the end of its first line. */
export function headerEnd(lines: LineMap, node: { lineno: number; body: readonly { lineno: number; col_offset: number }[] }): Position {
  const bodyStart = node.body[0];
  if (bodyStart && bodyStart.lineno > node.lineno) {
    for (let line = bodyStart.lineno - 1; line >= node.lineno; line--) {
      const text = stripComment(lines.line(line)).trimEnd();
      if (text.endsWith(':')) return { line: line - 1, character: text.length };
    }
  }
  if (bodyStart && bodyStart.lineno === node.lineno) {
    // `def f(): return x` — the colon is the last one before the body starts.
    const text = lines.line(node.lineno).slice(0, lines.utf16Column(node.lineno, bodyStart.col_offset));
    const colon = text.lastIndexOf(':');
    if (colon >= 0) return { line: node.lineno - 1, character: colon + 1 };
  }
  return { line: node.lineno - 1, character: stripComment(lines.line(node.lineno)).trimEnd().length };
}

/** The line without a trailing `# comment` (a `#` inside a string literal is skipped). */
function stripComment(text: string): string {
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
    } else if (ch === '#') {
      return text.slice(0, i);
    }
  }
  return text;
}
