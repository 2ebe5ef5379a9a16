// The front end's text views, shared by the CLI, the tests and the language server: the dumps
// that ../shared/oracle prints for the same file, errors included, so every tool can be held
// to CPython by comparing text.

import { dumpAst } from './syntax/astDump';
import { PySyntaxError } from './syntax/errors';
import { parseModule } from './syntax/parser';
import { buildSymtable } from './symtable/symtable';
import { dumpSymtable } from './symtable/dump';

/** Python reads source files with universal newlines; so do we, before anything else sees them. */
export function normalizeNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

function syntaxErrorLine(error: PySyntaxError): string {
  const { msg, lineno, offset } = error.info;
  return `SyntaxError: ${msg} (line ${lineno}, column ${offset})\n`;
}

/** `ast_dump.py FILE [--positions]`. */
export function astDumpText(source: string, filename: string, positions: boolean): string {
  try {
    return dumpAst(parseModule(source, filename), { includeAttributes: positions }) + '\n';
  } catch (error) {
    if (error instanceof PySyntaxError) return syntaxErrorLine(error);
    throw error;
  }
}

/** `symtable_dump.py FILE`. */
export function symtableDumpText(source: string, filename: string): string {
  try {
    return dumpSymtable(buildSymtable(parseModule(source, filename), filename));
  } catch (error) {
    if (error instanceof PySyntaxError) return syntaxErrorLine(error);
    throw error;
  }
}
