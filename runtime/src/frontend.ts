// The front end's text views, shared by the CLI, the tests and the language server: the dumps
// that ../shared/oracle prints for the same file, errors included, so every tool can be held
// to CPython by comparing text.

import { dumpAst } from './syntax/astDump';
import { oracleView } from './syntax/errors';
import { parseModule } from './syntax/parser';
import { buildSymtable } from './symtable/symtable';
import { dumpSymtable } from './symtable/dump';
import { checkCompileErrors } from './compiler/earlyErrors';

/** Python reads source files with universal newlines; so do we, before anything else sees them. */
export function normalizeNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** `ast_dump.py FILE [--positions]`. */
export function astDumpText(source: string, filename: string, positions: boolean): string {
  return oracleView(source, () => dumpAst(parseModule(source, filename), { includeAttributes: positions }) + '\n');
}

/**
 * `symtable_dump.py FILE`. The oracle also compiles the file, so the compile-time errors
 * ('return' outside function, ...) are checked too, as the compiler would raise them.
 */
export function symtableDumpText(source: string, filename: string): string {
  return oracleView(source, () => {
    const tree = parseModule(source, filename);
    const table = buildSymtable(tree, filename);
    const dump = dumpSymtable(table);
    checkCompileErrors(tree, table);
    return dump;
  });
}
