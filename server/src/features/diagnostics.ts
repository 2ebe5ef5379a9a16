// Diagnostics that are CPython's own words: every syntax error tolerant parsing finds (the first
// is exactly what CPython raises), then — only for a tree that parses, since CPython stops at
// the first error — the symbol table's or the compiler's SyntaxError, the TypeError a class
// statement raises for its bases, and a warning at each read of a local that some path reaches
// unassigned (UnboundLocalError).

import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver';
import type { LineMap } from '../analysis/runtimeApi';
import type { DocumentAnalysis } from '../analysis/documentAnalysis';
import type { SyntaxErrorInfo } from '../analysis/frontEnd';
import { UNBOUND_LOCAL_MESSAGE } from '../analysis/unboundLocals';
import { codePointToUtf16, nodeRange, rangeOf } from './positions';

export const DIAGNOSTIC_SOURCE = 'PyXray';

export function diagnostics(analysis: DocumentAnalysis): Diagnostic[] {
  const lines = analysis.lines;
  const out: Diagnostic[] = analysis.syntaxErrors.map((error) => syntaxDiagnostic(lines, error, 'codePoints'));
  if (out.length) return out;

  const symtableError = analysis.symtableError;
  if (symtableError) return [syntaxDiagnostic(lines, symtableError, 'bytes')];
  const compileError = analysis.compileTimeError;
  if (compileError) out.push(syntaxDiagnostic(lines, compileError, 'bytes'));

  const names = analysis.names;
  for (const [node, outcome] of analysis.mro?.all() ?? []) {
    if (outcome.status !== 'error') continue;
    const occurrence = names?.ofNode(node);
    const range = occurrence ? rangeOf(lines, occurrence.line, occurrence.startByte, occurrence.line, occurrence.endByte) : nodeRange(lines, node);
    out.push({ range, severity: DiagnosticSeverity.Error, source: DIAGNOSTIC_SOURCE, code: 'TypeError', message: outcome.message });
  }
  for (const read of analysis.unboundLocalReads) {
    out.push({
      range: nodeRange(lines, read.node),
      severity: DiagnosticSeverity.Warning,
      source: DIAGNOSTIC_SOURCE,
      code: 'UnboundLocalError',
      message: UNBOUND_LOCAL_MESSAGE(read.name),
    });
  }
  return out;
}

/**
 * A SyntaxError's span. Parser errors count columns in code points (CPython converts before
 * raising); symtable and compiler errors keep the AST's UTF-8 byte columns. Both are 1-based.
 * An empty span is widened to one character so the editor can show it.
 */
function syntaxDiagnostic(lines: LineMap, error: SyntaxErrorInfo, units: 'codePoints' | 'bytes'): Diagnostic {
  const column = (line: number, offset: number) => {
    const zeroBased = Math.max(0, offset - 1);
    return units === 'bytes' ? lines.utf16Column(line, zeroBased) : codePointToUtf16(lines.line(line), zeroBased);
  };
  const startLine = Math.max(1, error.lineno);
  const endLine = Math.max(startLine, error.end_lineno || startLine);
  const range: Range = {
    start: { line: startLine - 1, character: column(startLine, error.offset) },
    end: { line: endLine - 1, character: column(endLine, error.end_offset || error.offset) },
  };
  if (range.end.line === range.start.line && range.end.character <= range.start.character) {
    range.end = { line: range.start.line, character: range.start.character + 1 };
  }
  return { range, severity: DiagnosticSeverity.Error, source: DIAGNOSTIC_SOURCE, code: error.type, message: error.msg };
}
