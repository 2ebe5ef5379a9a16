// Code generation for definitions: `def`, `async def`, `class`, decorators, default arguments,
// keyword-only defaults, annotations, and MAKE_FUNCTION with its closure tuple (compile.c's
// compiler_function / compiler_class / compiler_make_closure). Each body is compiled in its own
// CompilerUnit and assembled into a CodeObject that becomes a constant of the enclosing unit.

import type * as ast from '../syntax/ast';
import type { AstExpr, AstStmt } from '../syntax/ast';
import { NameScope } from '../symtable/symtable';
import { assemble } from './assembler';
import type { CodeObject } from './codeObject';
import { ConstTuple } from './codeObject';
import { CompilerState, ScopeKind } from './compilerUnit';
import { callHelper, nameOp, visitExpr } from './codegenExpr';
import { compilerBody, visitStmt } from './codegenStmt';
import { annotationText } from './annotationText';
import * as op from './opcodes';

export function getDocstring(body: readonly AstStmt[]): string | null {
  const first = body[0];
  if (first && first.nodeType === 'Expr' && first.value.nodeType === 'Constant' && typeof first.value.value === 'string') {
    return first.value.value;
  }
  return null;
}

/** Assemble the current unit into a code object (compile.c's assemble()). */
export function compileFunctionBody(c: CompilerState, addNone: boolean): CodeObject {
  return assemble(c, addNone);
}

export function defaultArguments(c: CompilerState, args: ast.Arguments): number {
  let flags = 0;
  if (args.defaults.length) {
    for (const d of args.defaults) visitExpr(c, d);
    c.emit(op.BUILD_TUPLE, args.defaults.length);
    flags |= 1;
  }
  const keys: string[] = [];
  for (let i = 0; i < args.kwonlyargs.length; i++) {
    const d = args.kw_defaults[i];
    if (d) {
      keys.push(c.mangle(args.kwonlyargs[i].arg));
      visitExpr(c, d);
    }
  }
  if (keys.length) {
    c.emitConst(new ConstTuple(keys));
    c.emit(op.BUILD_CONST_KEY_MAP, keys.length);
    flags |= 2;
  }
  return flags;
}

function visitArgAnnotation(c: CompilerState, name: string, annotation: AstExpr | null, count: { n: number }): void {
  if (!annotation) return;
  c.emitConst(c.mangle(name));
  if (c.futureAnnotations) {
    c.emitConst(annotationText(annotation));
  } else if (annotation.nodeType === 'Starred') {
    visitExpr(c, annotation.value);
    c.emit(op.UNPACK_SEQUENCE, 1);
  } else {
    visitExpr(c, annotation);
  }
  count.n += 2;
}

function visitAnnotations(c: CompilerState, args: ast.Arguments, returns: AstExpr | null): boolean {
  const count = { n: 0 };
  for (const a of args.args) visitArgAnnotation(c, a.arg, a.annotation, count);
  for (const a of args.posonlyargs) visitArgAnnotation(c, a.arg, a.annotation, count);
  if (args.vararg && args.vararg.annotation) visitArgAnnotation(c, args.vararg.arg, args.vararg.annotation, count);
  for (const a of args.kwonlyargs) visitArgAnnotation(c, a.arg, a.annotation, count);
  if (args.kwarg && args.kwarg.annotation) visitArgAnnotation(c, args.kwarg.arg, args.kwarg.annotation, count);
  visitArgAnnotation(c, 'return', returns, count);
  if (count.n) {
    c.emit(op.BUILD_TUPLE, count.n);
    return true;
  }
  return false;
}

export function makeClosure(c: CompilerState, code: CodeObject, flags: number, qualname: string): void {
  if (code.co_freevars.length) {
    for (const name of code.co_freevars) {
      const isClassCell = c.u.kind === ScopeKind.Class && name === '__class__';
      const refType = isClassCell ? NameScope.Cell : c.u.scope.scopeOf(name);
      const index = refType === NameScope.Cell ? c.u.cellvars.indexOf(name) : c.u.cellvars.length + c.u.freevars.indexOf(name);
      c.emit(op.LOAD_CLOSURE, index);
    }
    flags |= 8;
    c.emit(op.BUILD_TUPLE, code.co_freevars.length);
  }
  // The qualified name travels in the code object (co_qualname); MAKE_FUNCTION needs no extra operand in 3.11.
  void qualname;
  c.emitConst(code);
  c.emit(op.MAKE_FUNCTION, flags);
}

function applyDecorators(c: CompilerState, decorators: readonly AstExpr[]): void {
  for (let i = decorators.length - 1; i >= 0; i--) {
    c.setLoc(decorators[i]);
    c.emit(op.PRECALL, 0);
    c.emit(op.CALL, 0);
  }
}

export function compileFunction(c: CompilerState, s: ast.FunctionDef | ast.AsyncFunctionDef): void {
  const isAsync = s.nodeType === 'AsyncFunctionDef';
  for (const d of s.decorator_list) visitExpr(c, d);
  const firstlineno = s.decorator_list.length ? s.decorator_list[0].lineno : s.lineno;
  let flags = defaultArguments(c, s.args);
  if (visitAnnotations(c, s.args, s.returns)) flags |= 4;
  c.enterScope(c.scopeFor(s), isAsync ? ScopeKind.AsyncFunction : ScopeKind.Function, s.name, firstlineno);
  const docstring = getDocstring(s.body);
  c.u.addConst(docstring);
  c.u.argcount = s.args.args.length;
  c.u.posonlyargcount = s.args.posonlyargs.length;
  c.u.kwonlyargcount = s.args.kwonlyargs.length;
  for (let i = docstring !== null ? 1 : 0; i < s.body.length; i++) visitStmt(c, s.body[i]);
  const code = assemble(c, true);
  const qualname = c.u.qualname;
  c.exitScope();
  makeClosure(c, code, flags, qualname);
  applyDecorators(c, s.decorator_list);
  c.setLoc(s);
  nameOp(c, s.name, 'Store');
}

export function compileClass(c: CompilerState, s: ast.ClassDef): void {
  for (const d of s.decorator_list) visitExpr(c, d);
  const firstlineno = s.decorator_list.length ? s.decorator_list[0].lineno : s.lineno;
  const scope = c.scopeFor(s);
  c.enterScope(scope, ScopeKind.Class, s.name, firstlineno);
  c.u.private = s.name;
  nameOp(c, '__name__', 'Load');
  nameOp(c, '__module__', 'Store');
  c.emitConst(c.u.qualname);
  nameOp(c, '__qualname__', 'Store');
  compilerBody(c, s.body);
  c.unsetLoc();
  if (scope.needsClassClosure) {
    c.emit(op.LOAD_CLOSURE, c.u.cellvars.indexOf('__class__'));
    c.emit(op.COPY, 1);
    nameOp(c, '__classcell__', 'Store');
  } else {
    c.emitConst(null);
  }
  c.emit(op.RETURN_VALUE);
  const code = assemble(c, true);
  c.exitScope();
  c.emit(op.PUSH_NULL);
  c.emit(op.LOAD_BUILD_CLASS);
  makeClosure(c, code, 0, s.name);
  c.emitConst(s.name);
  callHelper(c, 2, s.bases, s.keywords);
  applyDecorators(c, s.decorator_list);
  c.setLoc(s);
  nameOp(c, s.name, 'Store');
}

export { visitStmt };
