// The compiler's code objects against CPython 3.11's, field by field, for small programs
// (expected values were read from code objects CPython 3.11 compiled from the same source).
import { strict as assert } from 'node:assert';
import { compileSource, disDumpText } from '../../../runtime/src/compiler/compile';
import { isCodeObject } from '../../../runtime/src/compiler/constRepr';
import { ConstFrozenset } from '../../../runtime/src/compiler/codeObject';
import type { CodeObject } from '../../../runtime/src/compiler/codeObject';

function firstCode(co: CodeObject): CodeObject {
  return co.co_consts.find(isCodeObject) as CodeObject;
}

describe('compiler code objects', () => {
  it('a function with a cell argument and a comprehension: co_code, linetable, stacksize, flags', () => {
    const f = firstCode(compileSource('def f(a, b=1):\n    return [x + a for x in b]\n', 't.py'));
    assert.deepEqual(Array.from(f.co_code), [135, 151, 136, 358, 356, 2180, 380, 68, 166, 0, 171, 0, 0, 0, 0, 83]);
    assert.deepEqual(Array.from(f.co_linetable), [248, 128, 0, 216, 11, 29, 208, 11, 29, 208, 11, 29, 208, 11, 29, 152, 49, 208, 11, 29, 209, 11, 29, 212, 11, 29, 208, 4, 29]);
    assert.equal(f.co_stacksize, 2);
    assert.equal(f.co_flags, 3);
    assert.deepEqual(f.co_varnames, ['a', 'b']);
    assert.deepEqual(f.co_cellvars, ['a']);
  });
  it('try/except: exception table and stack size', () => {
    const co = compileSource('try:\n    x()\nexcept E:\n    pass\n', 't');
    assert.deepEqual(Array.from(co.co_exceptiontable), [130, 10, 14, 0, 142, 5, 23, 3, 150, 1, 23, 3]);
    assert.equal(co.co_stacksize, 4);
  });
  it('eval mode returns the expression value', () => {
    const co = compileSource('a + b', '<e>', 'eval');
    assert.deepEqual(co.co_names, ['a', 'b']);
    assert.deepEqual(co.co_consts, []);
    assert.throws(() => compileSource('x = 1', '<e>', 'eval'), /invalid syntax/);
  });
  it('frozenset constants keep CPython\'s table order (PYTHONHASHSEED=0)', () => {
    const co = compileSource("x in {'apple', 'banana', 'cherry', 'date'}\n", 't');
    const fs = co.co_consts.find((c) => c instanceof ConstFrozenset) as ConstFrozenset;
    assert.deepEqual(fs.items, ['date', 'banana', 'cherry', 'apple']);
  });
  it('compile-time errors print as dis_dump.py prints them', () => {
    assert.match(disDumpText('return 1\n', 't'), /^SyntaxError: 'return' outside function \(line 1, column 1\)\n$/);
    assert.match(disDumpText('break\n', 't'), /^SyntaxError: 'break' outside loop \(line 1, column 1\)\n$/);
  });
  it('operator and attribute chains as deep as the symbol table admits compile without exhausting the JS stack', () => {
    const n = 2900;
    const source = `x = ${Array(n).fill('a').join(' + ')}\ny = ${Array(n).fill('a').join('.')}\n`;
    const co = compileSource(source, 't');
    assert.equal(co.co_stacksize, 2);
    assert.deepEqual(co.co_names, ['a', 'x', 'y']);
  });
});
