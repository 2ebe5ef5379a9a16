// Highlights, go to definition, references and rename, all by Python's scoping: two names are
// the same variable exactly when CPython resolves them to the same binding (the name index's
// resolution key). So renaming a free variable renames the enclosing function's binding and
// every use that reaches it, and never a same-named local of another block; a comprehension's
// variable is its own; builtins are not renamed.

import {
  DocumentHighlightKind,
  ResponseError,
  ErrorCodes,
  type DocumentHighlight,
  type Location,
  type Position,
  type Range,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { DocumentAnalysis } from '../analysis/documentAnalysis';
import { isBindingRole, type NameOccurrence } from '../analysis/nameIndex';
import { blockLabel } from './hover';
import { rangeOf, toCPython } from './positions';

/** Python 3.11's keyword.kwlist: never valid as a name. (Soft keywords `match`, `case`, `_` are.) */
export const PYTHON_KEYWORDS = new Set([
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif',
  'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or',
  'pass', 'raise', 'return', 'try', 'while', 'with', 'yield',
]);

const IDENTIFIER = /^[\p{ID_Start}_][\p{ID_Continue}]*$/u;

export function occurrenceAt(analysis: DocumentAnalysis, position: Position): NameOccurrence | undefined {
  const at = toCPython(analysis.lines, position);
  return analysis.names?.at(at.line, at.byte);
}

function rangeOfOccurrence(analysis: DocumentAnalysis, o: NameOccurrence): Range {
  return rangeOf(analysis.lines, o.line, o.startByte, o.line, o.endByte);
}

export function documentHighlights(analysis: DocumentAnalysis, position: Position): DocumentHighlight[] {
  const o = occurrenceAt(analysis, position);
  if (!o || !analysis.names) return [];
  return analysis.names.sameVariable(o).map((other) => ({
    range: rangeOfOccurrence(analysis, other),
    kind: isBindingRole(other.role) || other.role === 'delete' ? DocumentHighlightKind.Write : DocumentHighlightKind.Read,
  }));
}

export function definition(analysis: DocumentAnalysis, position: Position): Location[] {
  const o = occurrenceAt(analysis, position);
  if (!o || !analysis.names) return [];
  return analysis.names.bindingsOf(o).map((b) => ({ uri: analysis.uri, range: rangeOfOccurrence(analysis, b) }));
}

export function references(analysis: DocumentAnalysis, position: Position, includeDeclaration: boolean): Location[] {
  const o = occurrenceAt(analysis, position);
  if (!o || !analysis.names) return [];
  return analysis.names
    .sameVariable(o)
    .filter((other) => includeDeclaration || !isBindingRole(other.role))
    .map((other) => ({ uri: analysis.uri, range: rangeOfOccurrence(analysis, other) }));
}

/** Why a name cannot be renamed, or null. */
function renameRefusal(o: NameOccurrence): string | null {
  if (o.resolution.kind === 'builtin') return `'${o.name}' is a builtin: it is not bound in this file`;
  if (o.name === '__class__' || (o.name.startsWith('__') && o.name.endsWith('__'))) return `'${o.name}' is a special name`;
  return null;
}

export function prepareRename(analysis: DocumentAnalysis, position: Position): { range: Range; placeholder: string } {
  const o = occurrenceAt(analysis, position);
  if (!o) throw new ResponseError(ErrorCodes.InvalidRequest, 'There is no variable here to rename.');
  const refusal = renameRefusal(o);
  if (refusal) throw new ResponseError(ErrorCodes.InvalidRequest, refusal);
  return { range: rangeOfOccurrence(analysis, o), placeholder: o.name };
}

/**
 * A rename must not change what any name means. It would if a block where the variable occurs
 * already has the new name (the two would merge), or if the variable is a global and the new
 * name is read somewhere as a global or builtin (the renamed binding would capture it).
 */
function renameConflict(analysis: DocumentAnalysis, o: NameOccurrence, newName: string): string | null {
  const names = analysis.names!;
  const occurrences = names.sameVariable(o);
  for (const other of occurrences) {
    // Inside a class, a private new name is mangled with the same `_Class` prefix as the old one.
    const prefix = other.symbolName.slice(0, other.symbolName.length - other.name.length);
    const mangledNew = prefix && newName.startsWith('__') && !newName.endsWith('__') ? prefix + newName : newName;
    if (other.scope.lookup(mangledNew)) return `'${newName}' is already a name in ${blockLabel(other.scope)}`;
  }
  if (o.resolution.kind === 'global' || o.resolution.kind === 'undefined') {
    const captured = names.occurrences.find((n) => n.name === newName && (n.resolution.kind === 'builtin' || n.resolution.kind === 'global' || n.resolution.kind === 'undefined'));
    if (captured) return `'${newName}' is already used at line ${captured.line} and would then mean the renamed variable`;
  }
  return null;
}

export function rename(analysis: DocumentAnalysis, position: Position, newName: string): WorkspaceEdit {
  const o = occurrenceAt(analysis, position);
  if (!o || !analysis.names) throw new ResponseError(ErrorCodes.InvalidRequest, 'There is no variable here to rename.');
  const refusal = renameRefusal(o);
  if (refusal) throw new ResponseError(ErrorCodes.InvalidRequest, refusal);
  if (PYTHON_KEYWORDS.has(newName)) throw new ResponseError(ErrorCodes.InvalidParams, `'${newName}' is a keyword`);
  if (!IDENTIFIER.test(newName.normalize('NFKC'))) throw new ResponseError(ErrorCodes.InvalidParams, `'${newName}' is not a valid identifier`);
  const conflict = renameConflict(analysis, o, newName);
  if (conflict) throw new ResponseError(ErrorCodes.InvalidRequest, conflict);
  const edits: TextEdit[] = [];
  for (const other of analysis.names.sameVariable(o)) {
    const range = rangeOfOccurrence(analysis, other);
    if (other.role === 'import' && other.node.nodeType === 'alias' && other.node.asname === null) {
      // `import os` binds the module's own name: keep the import, bind it to the new name.
      if (other.node.name.includes('.')) {
        throw new ResponseError(ErrorCodes.InvalidRequest, `'import ${other.node.name}' binds '${other.name}' to the top package; rename it by hand`);
      }
      edits.push({ range: { start: range.end, end: range.end }, newText: ` as ${newName}` });
      continue;
    }
    edits.push({ range, newText: newName });
  }
  return { changes: { [analysis.uri]: edits } };
}
