// `from __future__ import ...` at the top of a module, read the way CPython's future.c reads it
// before the symbol table is built: only the leading run of future imports (after an optional
// docstring) counts, unknown features are errors, and `braces` is "not a chance". Later future
// imports are the compiler's business (checkCompileErrors reports them).

import type { AstStmt, Module } from '../syntax/ast';
import { syntaxErrorAtPoint } from './errors';

export interface FutureFeatures {
  annotations: boolean;
  barryAsFlufl: boolean;
  generatorStop: boolean;
  /** Line of the last leading future import, -1 if none (CPython's ff_lineno). */
  lineno: number;
}

const ACCEPTED_FEATURES = new Set([
  'nested_scopes',
  'generators',
  'division',
  'absolute_import',
  'with_statement',
  'print_function',
  'unicode_literals',
  'barry_as_FLUFL',
  'generator_stop',
  'annotations',
]);

export function isDocstring(statement: AstStmt | undefined): boolean {
  return (
    statement !== undefined &&
    statement.nodeType === 'Expr' &&
    statement.value.nodeType === 'Constant' &&
    typeof statement.value.value === 'string'
  );
}

export function parseFutureFeatures(tree: Module): FutureFeatures {
  const features: FutureFeatures = { annotations: false, barryAsFlufl: false, generatorStop: false, lineno: -1 };
  const body = tree.body;
  let done = false;
  let previousLine = 0;
  for (let i = isDocstring(body[0]) ? 1 : 0; i < body.length; i++) {
    const statement = body[i];
    // Statements joined by semicolons share a line: a future import after a plain one on the
    // same line is caught here, because the compiler's line-based check would miss it.
    if (done && statement.lineno > previousLine) break;
    previousLine = statement.lineno;
    if (statement.nodeType === 'ImportFrom' && statement.module === '__future__') {
      if (done) {
        throw syntaxErrorAtPoint('from __future__ imports must occur at the beginning of the file', statement.lineno, statement.col_offset);
      }
      for (const alias of statement.names) {
        if (alias.name === 'annotations') features.annotations = true;
        else if (alias.name === 'barry_as_FLUFL') features.barryAsFlufl = true;
        else if (alias.name === 'generator_stop') features.generatorStop = true;
        else if (alias.name === 'braces') throw syntaxErrorAtPoint('not a chance', statement.lineno, statement.col_offset + 1);
        else if (!ACCEPTED_FEATURES.has(alias.name)) {
          throw syntaxErrorAtPoint(`future feature ${alias.name} is not defined`, statement.lineno, statement.col_offset + 1);
        }
      }
      features.lineno = statement.lineno;
    } else {
      done = true;
    }
  }
  return features;
}
