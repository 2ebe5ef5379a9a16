// The parser against CPython 3.11: every source in fixtures/parser-cases.json must give the AST
// dump (with positions) or the SyntaxError (class, message, lineno, offset, end_lineno,
// end_offset) that ast.parse gives. Expected values come from
// fixtures/regen-parser-fixtures.py running CPython; nothing here is produced by our own code.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseModule, parseTolerant, ParserMemoryError } from '../../../runtime/src/syntax/parser';
import { dumpAst } from '../../../runtime/src/syntax/astDump';
import { PyLimitError, PySyntaxError } from '../../../runtime/src/syntax/errors';

interface ExpectedCase {
  source: string;
  ast?: string;
  error?: [string, string, number, number, number, number];
}

const expected: ExpectedCase[] = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'parser-expected.json'), 'utf8'));

function outcome(source: string): { ast?: string; error?: unknown[] } {
  try {
    return { ast: dumpAst(parseModule(source), { includeAttributes: true }) };
  } catch (error) {
    if (!(error instanceof PySyntaxError)) throw error;
    const { type, msg, lineno, offset, end_lineno, end_offset } = error.info;
    return { error: [type, msg, lineno, offset, end_lineno, end_offset] };
  }
}

describe('parser: CPython 3.11 fixtures', () => {
  it('has fixtures', () => {
    assert.ok(expected.length > 300);
  });
  for (const [index, c] of expected.entries()) {
    const title = `#${index} ${JSON.stringify(c.source).slice(0, 70)}`;
    it(title, () => {
      const got = outcome(c.source);
      if (c.ast !== undefined) assert.equal(got.ast ?? JSON.stringify(got.error), c.ast);
      else assert.deepEqual(got.error ?? got.ast, c.error);
    });
  }
});

describe('parser: limits', () => {
  it('reports input nested beyond pegen\'s stack as MemoryError, not a JS stack overflow', () => {
    assert.throws(() => parseModule('-'.repeat(10000) + '1'), ParserMemoryError);
    assert.throws(() => parseModule('2**'.repeat(3000) + '2'), ParserMemoryError);
    // One type for every over-deep input: a PyLimitError, CPython's MemoryError without message.
    assert.throws(() => parseModule('-'.repeat(10000) + '1'), (error: unknown) =>
      error instanceof PyLimitError && error.pythonType === 'MemoryError' && error.message === '');
  });
  it('parses long flat chains without recursion', () => {
    const tree = parseModule('x = ' + '1+'.repeat(20000) + '1\n' + 'a' + '.a'.repeat(20000) + '\n');
    assert.equal(tree.body.length, 2);
  });
});

describe('parser: tolerant mode', () => {
  it('returns the tree and no errors for valid code', () => {
    const { tree, errors } = parseTolerant('x = 1\ny = 2\n');
    assert.equal(errors.length, 0);
    assert.equal(tree.body.length, 2);
  });

  it('reports parseModule\'s error first and keeps the statements around a broken one', () => {
    const source = 'a = 1\nb = (2 3)\nc = 3\n';
    let first: unknown;
    try { parseModule(source); } catch (error) { first = (error as PySyntaxError).info; }
    const { tree, errors } = parseTolerant(source);
    assert.deepEqual(errors[0], first);
    const names = tree.body.map((s) => (s.nodeType === 'Assign' && s.targets[0].nodeType === 'Name' ? s.targets[0].id : s.nodeType));
    assert.deepEqual(names, ['a', 'c']);
  });

  it('keeps the body of a block whose header is broken', () => {
    const { tree, errors } = parseTolerant('def f(:\n    x = 1\n    return x\ny = 2\n');
    assert.equal(errors[0].msg, 'invalid syntax');
    assert.deepEqual(tree.body.map((s) => s.nodeType), ['Assign', 'Return', 'Assign']);
    assert.equal(tree.body[2].lineno, 4);
  });

  it('keeps statements inside a function around a broken line and reports later errors too', () => {
    const { tree, errors } = parseTolerant('def f():\n    a = 1\n    b = = 2\n    c = 3\nprint "x"\nd = 4\n');
    assert.equal(errors.length, 2);
    assert.equal(errors[1].lineno, 5);
    const f = tree.body[0];
    assert.equal(f.nodeType, 'FunctionDef');
    if (f.nodeType === 'FunctionDef') assert.equal(f.body.length, 2);
    assert.equal(tree.body[tree.body.length - 1].lineno, 6);
  });

  it('drops the continuation lines of an unclosed bracket, not the statements after it', () => {
    const { tree, errors } = parseTolerant('x = [1,\n     2,\ny = 3\ndef g():\n    pass\n');
    assert.deepEqual(errors.map((e) => e.msg), ["'[' was never closed"]);
    assert.deepEqual(tree.body.map((s) => [s.nodeType, s.lineno]), [['Assign', 3], ['FunctionDef', 4]]);
  });

  it('reports one error per line and keeps blocks non-empty', () => {
    const { tree, errors } = parseTolerant('if x:\n    a = 1\n  b = 2\nc = 3\nclass A:\n    def f(self):\n        return self.\n');
    assert.deepEqual(errors.map((e) => e.lineno), [3, 7]);
    const cls = tree.body[tree.body.length - 1];
    assert.equal(cls.nodeType, 'ClassDef');
    if (cls.nodeType === 'ClassDef' && cls.body[0].nodeType === 'FunctionDef') assert.equal(cls.body[0].body.length, 1);
  });

  it('never throws, even on tokenizer errors and unclosed brackets', () => {
    for (const source of ['x = (\n', 'x = "abc\ny = 1\n', '\tif x:\n  pass\n', ')\n', 'x = $\ny = 2\n', '-'.repeat(10000) + '1\n']) {
      const { errors } = parseTolerant(source);
      assert.ok(errors.length >= 1, source);
    }
  });
});
