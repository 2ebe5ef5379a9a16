// The front end's text views, shared by the CLI, the tests and the language server: the dumps
// that ../shared/oracle prints for the same file, errors included, so every tool can be held
// to CPython by comparing text.

import { dumpAst } from './syntax/astDump';
import { PySyntaxError } from './syntax/errors';
import { parseModule } from './syntax/parser';
import { buildSymtable } from './symtable/symtable';
import { dumpSymtable } from './symtable/dump';
import { checkCompileErrors } from './compiler/earlyErrors';
import { compileModule } from './compiler/compile';

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

/**
 * `symtable_dump.py FILE`. Like the oracle, the file is also compiled, so an error that only the
 * compiler raises ('return' outside function, ...) is what gets printed.
 */
export function symtableDumpText(source: string, filename: string): string {
  try {
    const tree = parseModule(source, filename);
    const table = buildSymtable(tree, filename);
    const dump = dumpSymtable(table);
    checkCompileErrors(tree, table);
    compileModule(tree, table, filename);
    return dump;
  } catch (error) {
    if (error instanceof PySyntaxError) return syntaxErrorLine(error);
    throw error;
  }
}
