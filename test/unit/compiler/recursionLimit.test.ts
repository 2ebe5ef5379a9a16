// Deeply nested expressions against CPython 3.11: compile() of an attribute chain, a call chain
// and a binary-operator chain nested 2900 deep succeeds, and 3500 deep raises
// RecursionError("maximum recursion depth exceeded during compilation") (symtable and ast_opt share
// the limit, 3 × the recursion limit). The facts, printed by CPython 3.11:
//   for n in (2900, 3500):
//     for s in ('x' + '.y'*n, 'f' + '()'*n, 'x' + '+x'*n, '1' + '+1'*n, 'x' + '[0]'*n, '-'*n + 'x', 'not '*n + 'x'):
//       try: compile(s, 'f', 'exec'); print('ok')
//       except RecursionError as e: print('RecursionError', e)
// print "ok" seven times for 2900 and "RecursionError maximum recursion depth exceeded during
// compilation" seven times for 3500; so does 'x' + '.m()'*(n//2). None of this may surface as a JavaScript stack overflow.

import { strict as assert } from 'node:assert';
import { compileSource } from '../../../runtime/src/compiler/compile';
import { optimizeAst } from '../../../runtime/src/compiler/astOptimizer';
import { parseModule } from '../../../runtime/src/syntax/parser';
import { CompilationRecursionError } from '../../../runtime/src/symtable/errors';
import { PyLimitError } from '../../../runtime/src/syntax/errors';

const SHAPES: Record<string, (n: number) => string> = {
  'attribute chain': (n) => 'x' + '.y'.repeat(n),
  'call chain': (n) => 'f' + '()'.repeat(n),
  'binary operators': (n) => 'x' + '+x'.repeat(n),
  'constant binary operators (folded)': (n) => '1' + '+1'.repeat(n),
  'subscript chain': (n) => 'x' + '[0]'.repeat(n),
  'unary minus': (n) => '-'.repeat(n) + 'x',
  'not': (n) => 'not '.repeat(n) + 'x',
  // Two nodes (Call, Attribute) a level: 1450 and 1750 method calls.
  'method call chain': (n) => 'x' + '.m()'.repeat(n / 2),
};

function isCompilationRecursionError(error: unknown): boolean {
  return error instanceof CompilationRecursionError && error instanceof PyLimitError &&
    error.pythonType === 'RecursionError' && error.message === 'maximum recursion depth exceeded during compilation';
}

describe('compiler: nesting depth like CPython 3.11', function () {
  this.timeout(600000);
  for (const [shape, source] of Object.entries(SHAPES)) {
    it(`${shape}: 2900 deep compiles`, () => {
      const code = compileSource(source(2900), 'f');
      assert.ok(code.co_code.length > 0);
    });
    it(`${shape}: 3500 deep raises RecursionError`, () => {
      assert.throws(() => compileSource(source(3500), 'f'), isCompilationRecursionError);
    });
  }

  it('the AST optimiser checks its own depth (a tree the symbol table never saw)', () => {
    for (const source of ['x' + '.y'.repeat(3500), 'f' + '()'.repeat(3500), 'x' + '+x'.repeat(3500)]) {
      const tree = parseModule(source, 'f');
      assert.throws(() => optimizeAst(tree), isCompilationRecursionError);
    }
    // …and is reset for the next tree.
    optimizeAst(parseModule('x' + '.y'.repeat(2900), 'f'));
  });
});
