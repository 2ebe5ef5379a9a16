// Symbol tables and the compiler's early errors, held to CPython 3.11. Every fixture under
// fixtures/cases is a small program aimed at one scope rule or one error; its .expected is what
// test/oracle/symtable_dump.py printed for it under CPython (fixtures/regen.py), so these tests
// run through our own parser without needing python3. The data-model checks at the end state
// facts read off CPython's code objects (co_varnames, co_cellvars, co_freevars) for the same code.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseModule } from '../../../runtime/src/syntax/parser';
import { PySyntaxError } from '../../../runtime/src/syntax/errors';
import type { AstNode, FunctionDef, ClassDef, Name, Module } from '../../../runtime/src/syntax/ast';
import {
  buildSymtable,
  DEF_FREE_CLASS,
  DEF_LOCAL,
  DEF_PARAM,
  NameScope,
  CompilationRecursionError,
  type SymbolTable,
} from '../../../runtime/src/symtable/symtable';
import { dumpSymtable } from '../../../runtime/src/symtable/dump';
import { checkCompileErrors } from '../../../runtime/src/compiler/earlyErrors';

const casesDir = path.join(__dirname, 'fixtures', 'cases');

/** What symtable_dump.py prints: the tables, or the first SyntaxError of symtable then compile. */
function dumpLikeOracle(source: string, filename: string): string {
  try {
    const tree = parseModule(source, filename);
    const table = buildSymtable(tree, filename);
    checkCompileErrors(tree, table);
    return dumpSymtable(table);
  } catch (error) {
    if (error instanceof PySyntaxError) return `SyntaxError: ${error.info.msg} (line ${error.info.lineno}, column ${error.info.offset})\n`;
    throw error;
  }
}

describe('symtable: dumps and errors match CPython 3.11 (fixtures/cases)', () => {
  const cases = fs.readdirSync(casesDir).filter((f) => f.endsWith('.py')).sort();
  it('has fixtures', () => assert.ok(cases.length > 150));
  for (const file of cases) {
    it(file.replace(/\.py$/, ''), () => {
      const source = fs.readFileSync(path.join(casesDir, file), 'utf8');
      const expected = fs.readFileSync(path.join(casesDir, file.replace(/\.py$/, '.expected')), 'utf8');
      assert.equal(dumpLikeOracle(source, `cases/${file}`), expected);
    });
  }
});

describe('symtable: the corpus (expected dumps from test/golden/expected/symtable)', () => {
  const seeds = path.join(__dirname, '../../corpus/seeds');
  const expectedDir = path.join(__dirname, '../../golden/expected/symtable/corpus/seeds');
  const files = fs.existsSync(expectedDir) ? fs.readdirSync(seeds).filter((f) => f.endsWith('.py')).sort() : [];
  it('finds the corpus', () => assert.ok(files.length > 200));
  it('every corpus program whose symtable CPython can build', () => {
    const failures: string[] = [];
    let compared = 0;
    for (const file of files) {
      const expectedFile = path.join(expectedDir, file.replace(/\.py$/, '.txt'));
      if (!fs.existsSync(expectedFile)) continue;
      const expected = fs.readFileSync(expectedFile, 'utf8');
      const source = fs.readFileSync(path.join(seeds, file), 'utf8');
      let actual: string;
      try {
        actual = dumpLikeOracle(source, file);
      } catch (error) {
        actual = `crash: ${(error as Error).message}`;
      }
      compared++;
      if (actual !== expected) failures.push(file);
    }
    assert.ok(compared > 200, `compared ${compared}`);
    assert.deepEqual(failures, []);
  });
});

function build(source: string): { tree: Module; table: SymbolTable } {
  const tree = parseModule(source, 't.py');
  return { tree, table: buildSymtable(tree, 't.py') };
}

function findNodes<T extends AstNode>(root: unknown, predicate: (node: AstNode) => boolean): T[] {
  const found: T[] = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object' && 'nodeType' in value) {
      if (predicate(value as AstNode)) found.push(value as T);
      for (const child of Object.values(value)) visit(child);
    }
  };
  visit(root);
  return found;
}

describe('symtable: the data model the compiler and tools read', () => {
  const source = [
    'def outer(a, b, /, c, *args, d, **kw):',
    '    x = 1',
    '    def inner():',
    '        nonlocal x',
    '        return x + a',
    '    return inner',
    'class C:',
    '    y = 1',
    '    def m(self):',
    '        return super().m(), y',
    'def f():',
    '    v = 1',
    '    class D:',
    '        v = 2',
    '        def m(self):',
    '            return v',
    '    return D',
    '',
  ].join('\n');

  it('parameters, cells and free variables as CPython compiles them', () => {
    const { tree, table } = build(source);
    const outerDef = tree.body[0] as FunctionDef;
    const outer = table.scopeFor(outerDef)!;
    assert.equal(outer.name, 'outer');
    assert.deepEqual(outer.parameterNames, ['a', 'b', 'c', 'd', 'args', 'kw']);
    assert.ok(outer.hasVarargs && outer.hasVarkeywords);
    assert.deepEqual(outer.fastLocals(), ['a', 'b', 'c', 'd', 'args', 'kw', 'inner']); // co_varnames
    assert.deepEqual(outer.cellvars(), ['a', 'x']); // co_cellvars
    const inner = outer.children[0];
    assert.deepEqual(inner.freevars(), ['a', 'x']); // co_freevars
    assert.equal(inner.lookup('x')!.scope, NameScope.Free);
    assert.ok(inner.lookup('x')!.isNonlocalDeclared);
    assert.ok(inner.nested && !outer.nested && outer.childHasFreeVariables);
    assert.equal(outer.lookup('a')!.scope, NameScope.Cell);
    assert.ok(outer.lookup('a')!.flags & DEF_PARAM);
  });

  it('zero-argument super() gives the class a __class__ cell', () => {
    const { tree, table } = build(source);
    const classScope = table.scopeFor(tree.body[1] as ClassDef)!;
    assert.equal(classScope.type, 'class');
    assert.ok(classScope.needsClassClosure);
    assert.deepEqual(classScope.cellvars(), ['__class__']);
    const method = classScope.children[0];
    assert.deepEqual(method.freevars(), ['__class__']);
    // The class body's `y` is invisible to the method: it resolves as a global there.
    assert.equal(method.lookup('y')!.scope, NameScope.GlobalImplicit);
  });

  it('a class passes a function variable through to its methods (DEF_FREE_CLASS)', () => {
    const { tree, table } = build(source);
    const f = table.scopeFor(tree.body[2] as FunctionDef)!;
    assert.deepEqual(f.cellvars(), ['v']);
    const d = f.children[0];
    assert.ok(d.lookup('v')!.flags & DEF_FREE_CLASS);
    assert.ok(d.lookup('v')!.flags & DEF_LOCAL);
    assert.deepEqual(d.freevars(), ['v']);
    assert.deepEqual(d.children[0].freevars(), ['v']);
  });

  it('maps every Name node to its block and resolution, with binding sites for rename', () => {
    const { tree, table } = build('x = 1\ndef f():\n    y = x\n    return [y for z in range(y)]\n');
    const names = findNodes<Name>(tree, (n) => n.nodeType === 'Name');
    const byText = (id: string) => names.filter((n) => n.id === id);
    assert.equal(table.resolutionOfName(byText('x')[1]), NameScope.GlobalImplicit);
    const [yStore, yInComprehension, yInIterable] = byText('y');
    const f = table.scopeFor(tree.body[1])!;
    assert.equal(table.scopeOfNode(yStore), f);
    assert.equal(table.resolutionOfName(yInComprehension), NameScope.Free);
    assert.equal(table.scopeOfNode(yInComprehension)!.name, 'listcomp');
    // The first iterable is evaluated in f, so its `y` belongs to f.
    assert.equal(table.scopeOfNode(yInIterable), f);
    assert.equal(table.resolutionOfName(yInIterable), NameScope.Cell);
    assert.deepEqual(f.lookup('y')!.bindings, [yStore]);
    assert.deepEqual([...table.allScopes()].map((s) => s.name), ['top', 'f', 'listcomp']);
    const listcomp = f.children[0];
    assert.equal(listcomp.comprehension, 'list');
    assert.deepEqual(listcomp.parameterNames, ['.0']);
    assert.equal(listcomp.comprehensionInlined, false);
  });

  it('reports the future import that defers annotations', () => {
    assert.equal(build('from __future__ import annotations\n').table.future.annotations, true);
    assert.equal(build('x = 1\n').table.future.annotations, false);
  });

  it('raises symtable errors as PySyntaxError with byte-based columns', () => {
    assert.throws(
      () => build('def f(ä, ä):\n    pass\n'),
      (e: unknown) => e instanceof PySyntaxError && e.info.offset === 11 && e.info.end_offset === 13 && e.info.lineno === 1,
    );
  });

  it('flags generators and coroutines', () => {
    const { tree, table } = build('def g():\n    yield 1\nasync def c():\n    return [x async for x in y]\n');
    assert.ok(table.scopeFor(tree.body[0])!.generator);
    const c = table.scopeFor(tree.body[1])!;
    assert.ok(c.coroutine && !c.generator);
    assert.ok(c.children[0].coroutine);
    checkCompileErrors(tree, table);
  });
});

describe('symtable: nesting limit', () => {
  // CPython 3.11 (python3 FILE): `x = -…-1` compiles with 2998 minus signs and raises
  // RecursionError "maximum recursion depth exceeded during compilation" with 2999.
  const program = (n: number) => `x = ${'-'.repeat(n)}1\n`;
  it('accepts 2998 nested unary operators and checks them for compile errors', () => {
    const { tree, table } = build(program(2998));
    checkCompileErrors(tree, table);
    assert.ok(dumpSymtable(table).startsWith('module top line 0'));
  });
  it('raises CompilationRecursionError (RecursionError) at 2999', () => {
    assert.throws(() => build(program(2999)), (e: unknown) => e instanceof CompilationRecursionError && e.message === 'maximum recursion depth exceeded during compilation');
  });
});

describe('symtable: SyntaxError.text', () => {
  // CPython re-reads the line from the file: '    return 5  \n' for te.py line 4 (offset 5, end 13).
  it('is the source line with its newline when the source is given', () => {
    const source = 'x = 1\n  \nif 1:\n    return 5  \n';
    const tree = parseModule(source, 'te.py');
    const table = buildSymtable(tree, 'te.py', source);
    assert.throws(
      () => checkCompileErrors(tree, table),
      (e: unknown) => e instanceof PySyntaxError && e.info.text === '    return 5  \n' && e.info.offset === 5 && e.info.end_offset === 13,
    );
    assert.throws(
      () => buildSymtable(parseModule('def f(a, a):\n    pass\n', 'te2.py'), 'te2.py', 'def f(a, a):\n    pass\n'),
      (e: unknown) => e instanceof PySyntaxError && e.info.text === 'def f(a, a):\n',
    );
  });
});
