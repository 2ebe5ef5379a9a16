// The text behind the code lenses: dis_dump.py's listing of one code object (pyxray/bytecode)
// and symtable_dump.py's listing of one scope (pyxray/scopes), or of the whole module. A program
// that does not compile gets CPython's SyntaxError line, as the oracle scripts print it.

import type { DocumentAnalysis } from '../analysis/documentAnalysis';
import { disassemble, dumpScopes, type SyntaxErrorInfo } from '../analysis/frontEnd';
import type { CodeObject } from '../analysis/runtimeApi';
import { allDefinitions } from '../analysis/definitions';
import type { CodeTarget, TextResult } from '../protocol';

export function syntaxErrorLine(error: SyntaxErrorInfo): string {
  return `${error.type}: ${error.msg} (line ${error.lineno}, column ${error.offset})`;
}

function firstError(analysis: DocumentAnalysis): SyntaxErrorInfo | null {
  return analysis.syntaxErrors[0] ?? analysis.symtableError ?? analysis.compileTimeError ?? null;
}

export function bytecodeListing(analysis: DocumentAnalysis, target?: CodeTarget): TextResult {
  const error = firstError(analysis);
  if (error) return { text: null, error: syntaxErrorLine(error) };
  const outcome = analysis.compileOutcome;
  if (!outcome) return { text: null, error: 'the program does not compile' };
  if (outcome.error) return { text: null, error: syntaxErrorLine(outcome.error) };
  if (!target) return { text: disassemble(outcome.code) };
  const definition = [...allDefinitions(analysis.definitions)].find((d) => d.qualname === target.qualname && d.line === target.line);
  const code = definition ? findCode(outcome.code, definition.qualname, definition.firstLineno) : null;
  return code ? { text: disassemble(code) } : { text: null, error: `no code object ${target.qualname} at line ${target.line}` };
}

/** A code object nested (through co_consts) in `root` with this co_qualname and co_firstlineno. */
export function findCode(root: CodeObject, qualname: string, firstLineno: number): CodeObject | null {
  if (root.co_qualname === qualname && root.co_firstlineno === firstLineno) return root;
  for (const constant of root.co_consts) {
    if (constant && typeof constant === 'object' && 'co_code' in constant) {
      const found = findCode(constant as CodeObject, qualname, firstLineno);
      if (found) return found;
    }
  }
  return null;
}

export function scopesListing(analysis: DocumentAnalysis, target?: CodeTarget): TextResult {
  const error = firstError(analysis);
  if (error) return { text: null, error: syntaxErrorLine(error) };
  const table = analysis.symtable;
  if (!table) return { text: null, error: 'no symbol table' };
  const text = dumpScopes(table);
  if (!target) return { text };
  const block = extractBlock(text, symtableName(target.qualname), target.line);
  return block ? { text: block } : { text: null, error: `no scope ${target.qualname} at line ${target.line}` };
}

/** The symbol table's name for a block: the last qualname part; `lambda`, `listcomp` … without brackets. */
function symtableName(qualname: string): string {
  const last = qualname.slice(qualname.lastIndexOf('.') + 1);
  return last.startsWith('<') && last.endsWith('>') ? last.slice(1, -1) : last;
}

/** One block of a symtable_dump.py listing (its header line and everything indented under it), dedented. */
export function extractBlock(text: string, name: string, line: number): string | null {
  const lines = text.split('\n');
  const header = new RegExp(`^( *)(?:function|class) ${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} line ${line}(?: |$)`);
  for (let i = 0; i < lines.length; i++) {
    const match = header.exec(lines[i]);
    if (!match) continue;
    const indent = match[1].length;
    const out = [lines[i].slice(indent)];
    for (let j = i + 1; j < lines.length; j++) {
      const current = lines[j];
      if (current.length - current.trimStart().length <= indent || current.trim() === '') break;
      out.push(current.slice(indent));
    }
    return out.join('\n') + '\n';
  }
  return null;
}
