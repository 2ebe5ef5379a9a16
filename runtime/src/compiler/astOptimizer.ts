// The AST optimiser (CPython 3.11's Python/ast_opt.c), run on the tree before code generation.
// Not yet implemented: the tree is compiled as parsed.

import type { Module } from '../syntax/ast';

export function optimizeAst(_tree: Module): void {}
