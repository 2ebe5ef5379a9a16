// Code generation for `match` statements (compile.c's compiler_match and the pattern helpers).
// Not implemented yet: compiling a match statement raises an internal error that tools report.

import type * as ast from '../syntax/ast';
import type { CompilerState } from './compilerUnit';

export function compileMatch(_c: CompilerState, s: ast.Match): void {
  throw new Error(`compiler: match statements are not supported yet (line ${s.lineno})`);
}
