// The front end's text views, shared by the CLI, the tests and the language server: the dumps
// that ../shared/oracle prints for the same file, errors included, so every tool can be held
// to CPython by comparing text.

import { dumpAst } from './syntax/astDump';
import { PySyntaxError } from './syntax/errors';
import { parseModule } from './syntax/parser';
import { buildSymtable } from './symtable/symtable';
import { dumpSymtable } from './symtable/dump';
import { checkCompileErrors } from './compiler/earlyErrors';

/** Python reads source files with universal newlines; so do we, before anything else sees them. */
export function normalizeNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/**
 * compile() and ast.parse() refuse a str holding NUL before tokenizing, with no position; every
 * view reports that the same way.
 */
export const NUL_BYTE_ERROR_LINE = 'SyntaxError: source code string cannot contain null bytes (line None, column None)\n';

function syntaxErrorLine(error: PySyntaxError): string {
  const { msg, lineno, offset } = error.info;
  return `SyntaxError: ${msg} (line ${lineno}, column ${offset})\n`;
}

/** `ast_dump.py FILE [--positions]`. */
export function astDumpText(source: string, filename: string, positions: boolean): string {
  if (source.includes('\0')) return NUL_BYTE_ERROR_LINE;
  try {
    return dumpAst(parseModule(source, filename), { includeAttributes: positions }) + '\n';
  } catch (error) {
    if (error instanceof PySyntaxError) return syntaxErrorLine(error);
    throw error;
  }
}

/**
 * `symtable_dump.py FILE`. The oracle also compiles the file, so the compile-time errors
 * ('return' outside function, ...) are checked too, as the compiler would raise them.
 */
export function symtableDumpText(source: string, filename: string): string {
  if (source.includes('\0')) return NUL_BYTE_ERROR_LINE;
  try {
    const tree = parseModule(source, filename);
    const table = buildSymtable(tree, filename);
    const dump = dumpSymtable(table);
    checkCompileErrors(tree, table);
    return dump;
  } catch (error) {
    if (error instanceof PySyntaxError) return syntaxErrorLine(error);
    throw error;
  }
}
