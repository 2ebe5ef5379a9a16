// Code generation for `try ... except*` (compile.c's compiler_try_star_except).
// Not implemented yet: compiling one raises an internal error that tools report.

import type * as ast from '../syntax/ast';
import type { CompilerState } from './compilerUnit';

export function compileTryStar(_c: CompilerState, s: ast.TryStar, _insideFinally = false): void {
  throw new Error(`compiler: except* is not supported yet (line ${s.lineno})`);
}
