// Statement rules of Grammar/python.gram (3.11): the file, simple statements, imports, blocks,
// and every compound statement. Same conventions as parseExpressions.ts: one function per rule,
// null with the mark restored on failure, invalid_* alternatives only in the error pass.

import type * as A from './ast';
import { K, Memo, Parser } from './parser';
import * as N from './parseNodes';
import { LOAD, STORE } from './parseNodes';
import {
  argumentsRule, emptyArguments, expression, namedExpression, starExpressions,
  starNamedExpression, starNamedExpressions, yieldExpr,
} from './parseExpressions';
import { delTargets, singleSubscriptAttributeTarget, singleTarget, starTarget, starTargets } from './parseTargets';
import { params } from './parseParams';
import { patterns } from './parsePatterns';
import * as I from './parseInvalid';

type Expr = A.AstExpr;
type Stmt = A.AstStmt;

/** file: [statements] ENDMARKER */
export function fileRule(p: Parser): A.Module | null {
  const body = statementsRule(p) ?? [];
  if (p.kind() !== K.ENDMARKER) return null;
  return { nodeType: 'Module', body, type_ignores: [] };
}

/** statements: statement+ */
export function statementsRule(p: Parser): Stmt[] | null {
  let body: Stmt[] | null = null;
  for (;;) {
    const stmts = statement(p);
    if (stmts === null) break;
    if (body === null) body = stmts;
    else for (const s of stmts) body.push(s);
  }
  return body;
}

/** statement: compound_stmt | simple_stmts */
export function statement(p: Parser): Stmt[] | null {
  const a = compoundStmt(p);
  if (a !== null) return [a];
  return simpleStmts(p);
}

/** simple_stmts: simple_stmt !';' NEWLINE | ';'.simple_stmt+ [';'] NEWLINE */
export function simpleStmts(p: Parser): Stmt[] | null {
  const start = p.mark;
  const a = simpleStmt(p);
  if (a === null) return null;
  if (p.kind() === K.NEWLINE) {
    p.mark++;
    return [a];
  }
  const stmts = [a];
  for (;;) {
    const m = p.mark;
    if (!p.eat(K.SEMI)) break;
    const b = simpleStmt(p);
    if (b === null) { p.mark = m; break; }
    stmts.push(b);
  }
  p.eat(K.SEMI);
  if (p.eat(K.NEWLINE)) return stmts;
  p.mark = start;
  return null;
}

/** Keywords that begin a simple statement which can be neither an assignment nor an expression. */
function isSimpleStatementKeyword(kind: K): boolean {
  switch (kind) {
    case K.RETURN: case K.IMPORT: case K.FROM: case K.RAISE: case K.PASS: case K.DEL: case K.YIELD:
    case K.ASSERT: case K.BREAK: case K.CONTINUE: case K.GLOBAL: case K.NONLOCAL:
      return true;
    default:
      return false;
  }
}

/** simple_stmt (memo) */
export function simpleStmt(p: Parser): Stmt | null {
  const start = p.mark;
  const memo = p.errorPass ? p.memoGet(Memo.simple_stmt) : undefined;
  if (memo !== undefined) { p.mark = memo.end; return memo.value as Stmt | null; }
  const result = simpleStmtUncached(p);
  if (result === null) p.mark = start;
  if (p.errorPass) p.memoSet(Memo.simple_stmt, start, result);
  return result;
}

function simpleStmtUncached(p: Parser): Stmt | null {
  const start = p.mark;
  const s = p.startToken();
  const kind = p.kind();
  // In the first pass an assignment or expression cannot start with these keywords, and trying
  // them would read no further token, so skipping them changes nothing observable.
  if (p.callInvalidRules || !isSimpleStatementKeyword(kind)) {
    const a = assignment(p);
    if (a !== null) return a;
    p.mark = start;
    const e = starExpressions(p);
    if (e !== null) return N.exprNode(e, s, p.lastToken());
    p.mark = start;
  }
  switch (kind) {
    case K.RETURN: return returnStmt(p);
    case K.IMPORT: case K.FROM: return importStmt(p);
    case K.RAISE: return raiseStmt(p);
    case K.PASS: p.mark++; return N.passNode(s, s);
    case K.DEL: return delStmt(p);
    case K.YIELD: {
      const y = yieldExpr(p);
      return y === null ? null : N.exprNode(y, s, p.lastToken());
    }
    case K.ASSERT: return assertStmt(p);
    case K.BREAK: p.mark++; return N.breakNode(s, s);
    case K.CONTINUE: p.mark++; return N.continueNode(s, s);
    case K.GLOBAL: case K.NONLOCAL: return globalOrNonlocal(p, kind);
    default: return null;
  }
}

/** compound_stmt */
export function compoundStmt(p: Parser): Stmt | null {
  switch (p.kind()) {
    case K.DEF: return functionDef(p);
    case K.AT: return functionDef(p) ?? classDef(p);
    case K.ASYNC: return functionDef(p) ?? withStmt(p) ?? forStmt(p);
    case K.IF: return ifStmt(p);
    case K.CLASS: return classDef(p);
    case K.WITH: return withStmt(p);
    case K.FOR: return forStmt(p);
    case K.TRY: return tryStmt(p);
    case K.WHILE: return whileStmt(p);
    case K.NAME: return matchStmt(p);
    default: return null;
  }
}

// ---- simple statements ---------------------------------------------------------------------------

/** annotated_rhs: yield_expr | star_expressions */
export function annotatedRhs(p: Parser): Expr | null {
  return yieldExpr(p) ?? starExpressions(p);
}

/** assignment */
function assignment(p: Parser): Stmt | null {
  const start = p.mark;
  const s = p.startToken();
  // NAME ':' expression ['=' annotated_rhs]
  if (p.kind() === K.NAME && p.kindAt(start + 1) === K.COLON) {
    p.mark = start + 2;
    const b = expression(p);
    if (b !== null) {
      const value = optionalAnnotatedValue(p);
      const target = N.nameNode(s.text, STORE, s, s);
      return N.annAssignNode(target, b, value, 1, s, p.lastToken());
    }
    p.mark = start;
  }
  // ('(' single_target ')' | single_subscript_attribute_target) ':' expression ['=' annotated_rhs]
  {
    let a: Expr | null = null;
    if (p.eat(K.LPAR)) {
      a = singleTarget(p);
      if (a === null || !p.eat(K.RPAR)) a = null;
    }
    if (a === null) {
      p.mark = start;
      a = singleSubscriptAttributeTarget(p);
    }
    if (a !== null && p.eat(K.COLON)) {
      const b = expression(p);
      if (b !== null) {
        const value = optionalAnnotatedValue(p);
        return N.annAssignNode(a, b, value, 0, s, p.lastToken());
      }
    }
    p.mark = start;
  }
  // (star_targets '=')+ (yield_expr | star_expressions) !'=' [TYPE_COMMENT]
  {
    let targets: Expr[] | null = null;
    for (;;) {
      const m = p.mark;
      const t = starTargets(p);
      if (t === null || !p.eat(K.EQUAL)) { p.mark = m; break; }
      (targets ??= []).push(t);
    }
    if (targets !== null) {
      const b = annotatedRhs(p);
      if (b !== null && p.kind() !== K.EQUAL) {
        p.eat(K.TYPE_COMMENT);
        return N.assignNode(targets, b, null, s, p.lastToken());
      }
    }
    p.mark = start;
  }
  // single_target augassign ~ (yield_expr | star_expressions)
  {
    const a = singleTarget(p);
    if (a !== null) {
      const op = augassign(p);
      if (op !== null) {
        const c = annotatedRhs(p);
        if (c !== null) return N.augAssignNode(a, op, c, s, p.lastToken());
        // The cut: no other alternative (not even invalid_assignment) is tried.
        p.mark = start;
        return null;
      }
    }
    p.mark = start;
  }
  if (p.callInvalidRules) {
    I.invalidAssignment(p);
    p.mark = start;
  }
  return null;
}

function optionalAnnotatedValue(p: Parser): Expr | null {
  const m = p.mark;
  if (p.eat(K.EQUAL)) {
    const d = annotatedRhs(p);
    if (d !== null) return d;
  }
  p.mark = m;
  return null;
}

/** augassign */
export function augassign(p: Parser): A.AstOperator | null {
  let op: A.AstOperator | null;
  switch (p.kind()) {
    case K.PLUSEQUAL: op = N.OP_ADD; break;
    case K.MINEQUAL: op = N.OP_SUB; break;
    case K.STAREQUAL: op = N.OP_MULT; break;
    case K.ATEQUAL: op = N.OP_MATMULT; break;
    case K.SLASHEQUAL: op = N.OP_DIV; break;
    case K.PERCENTEQUAL: op = N.OP_MOD; break;
    case K.AMPEREQUAL: op = N.OP_BITAND; break;
    case K.VBAREQUAL: op = N.OP_BITOR; break;
    case K.CIRCUMFLEXEQUAL: op = N.OP_BITXOR; break;
    case K.LEFTSHIFTEQUAL: op = N.OP_LSHIFT; break;
    case K.RIGHTSHIFTEQUAL: op = N.OP_RSHIFT; break;
    case K.DOUBLESTAREQUAL: op = N.OP_POW; break;
    case K.DOUBLESLASHEQUAL: op = N.OP_FLOORDIV; break;
    default: return null;
  }
  p.mark++;
  return op;
}

/** return_stmt: 'return' [star_expressions] */
function returnStmt(p: Parser): Stmt | null {
  const s = p.expect(K.RETURN);
  if (s === null) return null;
  const a = starExpressions(p);
  return N.returnNode(a, s, p.lastToken());
}

/** raise_stmt: 'raise' expression ['from' expression] | 'raise' */
function raiseStmt(p: Parser): Stmt | null {
  const start = p.mark;
  const s = p.expect(K.RAISE);
  if (s === null) return null;
  const a = expression(p);
  if (a !== null) {
    const m = p.mark;
    let b: Expr | null = null;
    if (p.eat(K.FROM)) {
      b = expression(p);
      if (b === null) p.mark = m;
    }
    return N.raiseNode(a, b, s, p.lastToken());
  }
  p.mark = start + 1;
  return N.raiseNode(null, null, s, p.lastToken());
}

/** global_stmt / nonlocal_stmt: 'global' ','.NAME+ */
function globalOrNonlocal(p: Parser, kind: K): Stmt | null {
  const start = p.mark;
  const s = p.tokens[p.mark++];
  const first = p.name();
  if (first === null) { p.mark = start; return null; }
  const names = [first.text];
  for (;;) {
    const m = p.mark;
    if (!p.eat(K.COMMA)) break;
    const n = p.name();
    if (n === null) { p.mark = m; break; }
    names.push(n.text);
  }
  return kind === K.GLOBAL ? N.globalNode(names, s, p.lastToken()) : N.nonlocalNode(names, s, p.lastToken());
}

/** del_stmt: 'del' del_targets &(';' | NEWLINE) | invalid_del_stmt */
function delStmt(p: Parser): Stmt | null {
  const start = p.mark;
  const s = p.expect(K.DEL);
  if (s === null) return null;
  const a = delTargets(p);
  if (a !== null && (p.kind() === K.SEMI || p.kind() === K.NEWLINE)) return N.deleteNode(a, s, p.lastToken());
  p.mark = start;
  if (p.callInvalidRules) {
    I.invalidDelStmt(p);
    p.mark = start;
  }
  return null;
}

/** assert_stmt: 'assert' expression [',' expression] */
function assertStmt(p: Parser): Stmt | null {
  const start = p.mark;
  const s = p.expect(K.ASSERT);
  if (s === null) return null;
  const a = expression(p);
  if (a === null) { p.mark = start; return null; }
  const m = p.mark;
  let b: Expr | null = null;
  if (p.eat(K.COMMA)) {
    b = expression(p);
    if (b === null) p.mark = m;
  }
  return N.assertNode(a, b, s, p.lastToken());
}

// ---- imports -------------------------------------------------------------------------------------

/** import_stmt: import_name | import_from */
function importStmt(p: Parser): Stmt | null {
  return importName(p) ?? importFrom(p);
}

/** import_name: 'import' dotted_as_names */
function importName(p: Parser): Stmt | null {
  const start = p.mark;
  const s = p.expect(K.IMPORT);
  if (s === null) return null;
  const first = dottedAsName(p);
  if (first === null) { p.mark = start; return null; }
  const names = [first];
  for (;;) {
    const m = p.mark;
    if (!p.eat(K.COMMA)) break;
    const b = dottedAsName(p);
    if (b === null) { p.mark = m; break; }
    names.push(b);
  }
  return N.importNode(names, s, p.lastToken());
}

/** import_from: 'from' ('.' | '...')* dotted_name 'import' import_from_targets | 'from' ('.' | '...')+ 'import' import_from_targets */
function importFrom(p: Parser): Stmt | null {
  const start = p.mark;
  const s = p.expect(K.FROM);
  if (s === null) return null;
  let level = 0;
  for (;;) {
    if (p.eat(K.DOT)) level += 1;
    else if (p.eat(K.ELLIPSIS)) level += 3;
    else break;
  }
  const afterDots = p.mark;
  const module = dottedName(p);
  if (module !== null && p.eat(K.IMPORT)) {
    const names = importFromTargets(p);
    if (names !== null) return N.importFromNode(module, names, level, s, p.lastToken());
  }
  p.mark = afterDots;
  if (level > 0 && p.eat(K.IMPORT)) {
    const names = importFromTargets(p);
    if (names !== null) return N.importFromNode(null, names, level, s, p.lastToken());
  }
  p.mark = start;
  return null;
}

/** import_from_targets: '(' import_from_as_names [','] ')' | import_from_as_names !',' | '*' | invalid_import_from_targets */
function importFromTargets(p: Parser): A.Alias[] | null {
  const start = p.mark;
  if (p.eat(K.LPAR)) {
    const a = importFromAsNames(p);
    if (a !== null) {
      p.eat(K.COMMA);
      if (p.eat(K.RPAR)) return a;
    }
    p.mark = start;
  }
  const b = importFromAsNames(p);
  if (b !== null && p.kind() !== K.COMMA) return b;
  p.mark = start;
  const star = p.expect(K.STAR);
  if (star !== null) return [N.aliasNode('*', null, star, star)];
  if (p.callInvalidRules) {
    I.invalidImportFromTargets(p);
    p.mark = start;
  }
  return null;
}

/** import_from_as_names: ','.import_from_as_name+ */
export function importFromAsNames(p: Parser): A.Alias[] | null {
  const first = importFromAsName(p);
  if (first === null) return null;
  const names = [first];
  for (;;) {
    const m = p.mark;
    if (!p.eat(K.COMMA)) break;
    const b = importFromAsName(p);
    if (b === null) { p.mark = m; break; }
    names.push(b);
  }
  return names;
}

/** import_from_as_name: NAME ['as' NAME] */
function importFromAsName(p: Parser): A.Alias | null {
  const a = p.name();
  if (a === null) return null;
  const m = p.mark;
  let asname: string | null = null;
  if (p.eat(K.AS)) {
    const b = p.name();
    if (b !== null) asname = b.text;
    else p.mark = m;
  }
  return N.aliasNode(a.text, asname, a, p.lastToken());
}

/** dotted_as_name: dotted_name ['as' NAME] */
function dottedAsName(p: Parser): A.Alias | null {
  const s = p.startToken();
  const a = dottedName(p);
  if (a === null) return null;
  const m = p.mark;
  let asname: string | null = null;
  if (p.eat(K.AS)) {
    const b = p.name();
    if (b !== null) asname = b.text;
    else p.mark = m;
  }
  return N.aliasNode(a, asname, s, p.lastToken());
}

/** dotted_name: dotted_name '.' NAME | NAME */
function dottedName(p: Parser): string | null {
  const a = p.name();
  if (a === null) return null;
  let name = a.text;
  for (;;) {
    const m = p.mark;
    if (!p.eat(K.DOT)) break;
    const b = p.name();
    if (b === null) { p.mark = m; break; }
    name += '.' + b.text;
  }
  return name;
}

// ---- blocks and definitions ----------------------------------------------------------------------

/** block (memo): NEWLINE INDENT statements DEDENT | simple_stmts | invalid_block */
export function block(p: Parser): Stmt[] | null {
  const start = p.mark;
  const memo = p.memoGet(Memo.block);
  if (memo !== undefined) { p.mark = memo.end; return memo.value as Stmt[] | null; }
  p.enter();
  let result: Stmt[] | null = null;
  if (p.kind() === K.NEWLINE && p.kindAt(start + 1) === K.INDENT) {
    p.mark = start + 2;
    const a = statementsRule(p);
    if (a !== null && p.eat(K.DEDENT)) result = a;
    else p.mark = start;
  }
  if (result === null) result = simpleStmts(p);
  if (result === null && p.callInvalidRules) {
    I.invalidBlock(p);
    p.mark = start;
  }
  p.memoSet(Memo.block, start, result);
  p.depth--;
  return result;
}

/** decorators: ('@' named_expression NEWLINE)+ */
function decorators(p: Parser): Expr[] | null {
  let list: Expr[] | null = null;
  for (;;) {
    const m = p.mark;
    if (!p.eat(K.AT)) break;
    const f = namedExpression(p);
    if (f === null || !p.eat(K.NEWLINE)) { p.mark = m; break; }
    (list ??= []).push(f);
  }
  return list;
}

/** class_def: decorators class_def_raw | class_def_raw */
function classDef(p: Parser): Stmt | null {
  const start = p.mark;
  const d = decorators(p);
  if (d !== null) {
    const c = classDefRaw(p);
    if (c !== null) { c.decorator_list = d; return c; }
    p.mark = start;
    return null;
  }
  return classDefRaw(p);
}

/** class_def_raw: invalid_class_def_raw | 'class' NAME ['(' [arguments] ')'] ':' block */
function classDefRaw(p: Parser): A.ClassDef | null {
  const start = p.mark;
  if (p.callInvalidRules) {
    I.invalidClassDefRaw(p);
    p.mark = start;
  }
  const s = p.expect(K.CLASS);
  if (s === null) return null;
  const name = p.name();
  if (name !== null) {
    let bases: Expr[] = [];
    let keywords: A.Keyword[] = [];
    const m = p.mark;
    if (p.eat(K.LPAR)) {
      const args = argumentsRule(p);
      if (p.eat(K.RPAR)) {
        if (args !== null) { bases = args.args; keywords = args.keywords; }
      } else {
        p.mark = m;
      }
    }
    if (p.eat(K.COLON)) {
      const body = block(p);
      if (body !== null) return N.classDefNode(name.text, bases, keywords, body, [], s, p.lastToken());
    }
  }
  p.mark = start;
  return null;
}

/** function_def: decorators function_def_raw | function_def_raw */
function functionDef(p: Parser): Stmt | null {
  const start = p.mark;
  const d = decorators(p);
  if (d !== null) {
    const f = functionDefRaw(p);
    if (f !== null) { f.decorator_list = d; return f; }
    p.mark = start;
    return null;
  }
  return functionDefRaw(p);
}

/** function_def_raw: invalid_def_raw | [ASYNC] 'def' NAME &&'(' [params] ')' ['->' expression] &&':' [func_type_comment] block */
function functionDefRaw(p: Parser): A.FunctionDef | A.AsyncFunctionDef | null {
  const start = p.mark;
  if (p.callInvalidRules) {
    I.invalidDefRaw(p);
    p.mark = start;
  }
  const s = p.startToken();
  const isAsync = p.eat(K.ASYNC);
  if (!p.eat(K.DEF)) { p.mark = start; return null; }
  const name = p.name();
  if (name === null) { p.mark = start; return null; }
  p.expectForced(K.LPAR, '(');
  const args = params(p);
  if (!p.eat(K.RPAR)) { p.mark = start; return null; }
  let returns: Expr | null = null;
  const m = p.mark;
  if (p.eat(K.RARROW)) {
    returns = expression(p);
    if (returns === null) p.mark = m;
  }
  p.expectForced(K.COLON, ':');
  funcTypeComment(p);
  const body = block(p);
  if (body === null) { p.mark = start; return null; }
  const e = p.lastToken();
  return isAsync
    ? N.asyncFunctionDefNode(name.text, args ?? emptyArguments(), body, [], returns, null, s, e)
    : N.functionDefNode(name.text, args ?? emptyArguments(), body, [], returns, null, s, e);
}

/** func_type_comment: type comments never reach us (ast.parse without type_comments). */
function funcTypeComment(p: Parser): void {
  p.eat(K.TYPE_COMMENT);
}

// ---- if / while / for / with ---------------------------------------------------------------------

/** if_stmt: invalid_if_stmt | 'if' named_expression ':' block elif_stmt | 'if' named_expression ':' block [else_block] */
function ifStmt(p: Parser): Stmt | null {
  return ifOrElif(p, K.IF);
}

function ifOrElif(p: Parser, keyword: K): A.If | null {
  const start = p.mark;
  if (p.callInvalidRules) {
    if (keyword === K.IF) I.invalidIfStmt(p);
    else I.invalidElifStmt(p);
    p.mark = start;
  }
  const s = p.expect(keyword);
  if (s === null) return null;
  const test = namedExpression(p);
  if (test !== null && p.eat(K.COLON)) {
    const body = block(p);
    if (body !== null) {
      const afterBody = p.mark;
      const elif = p.kind() === K.ELIF ? ifOrElif(p, K.ELIF) : null;
      if (elif !== null) return N.ifNode(test, body, [elif], s, p.lastToken());
      p.mark = afterBody;
      const orelse = elseBlock(p);
      return N.ifNode(test, body, orelse ?? [], s, p.lastToken());
    }
  }
  p.mark = start;
  return null;
}

/** else_block: invalid_else_stmt | 'else' &&':' block */
function elseBlock(p: Parser): Stmt[] | null {
  const start = p.mark;
  if (p.callInvalidRules) {
    I.invalidElseStmt(p);
    p.mark = start;
  }
  if (!p.eat(K.ELSE)) return null;
  p.expectForced(K.COLON, ':');
  const b = block(p);
  if (b === null) p.mark = start;
  return b;
}

/** while_stmt: invalid_while_stmt | 'while' named_expression ':' block [else_block] */
function whileStmt(p: Parser): Stmt | null {
  const start = p.mark;
  if (p.callInvalidRules) {
    I.invalidWhileStmt(p);
    p.mark = start;
  }
  const s = p.expect(K.WHILE);
  if (s === null) return null;
  const test = namedExpression(p);
  if (test !== null && p.eat(K.COLON)) {
    const body = block(p);
    if (body !== null) {
      const orelse = elseBlock(p);
      return N.whileNode(test, body, orelse ?? [], s, p.lastToken());
    }
  }
  p.mark = start;
  return null;
}

/** for_stmt: invalid_for_stmt | [ASYNC] 'for' star_targets 'in' ~ star_expressions ':' [TYPE_COMMENT] block [else_block] | invalid_for_target */
function forStmt(p: Parser): Stmt | null {
  const start = p.mark;
  if (p.callInvalidRules) {
    I.invalidForStmt(p);
    p.mark = start;
  }
  const s = p.startToken();
  for (const isAsync of [false, true]) {
    p.mark = start;
    if (isAsync && !p.eat(K.ASYNC)) break;
    if (!p.eat(K.FOR)) continue;
    const target = starTargets(p);
    if (target === null || !p.eat(K.IN)) continue;
    // The cut after 'in': failing from here on fails the whole rule.
    const iter = starExpressions(p);
    if (iter !== null && p.eat(K.COLON)) {
      p.eat(K.TYPE_COMMENT);
      const body = block(p);
      if (body !== null) {
        const orelse = elseBlock(p) ?? [];
        return isAsync
          ? N.asyncForNode(target, iter, body, orelse, null, s, p.lastToken())
          : N.forNode(target, iter, body, orelse, null, s, p.lastToken());
      }
    }
    p.mark = start;
    return null;
  }
  p.mark = start;
  if (p.callInvalidRules) {
    I.invalidForTarget(p);
    p.mark = start;
  }
  return null;
}

/** with_stmt */
function withStmt(p: Parser): Stmt | null {
  const start = p.mark;
  if (p.callInvalidRules) {
    I.invalidWithStmtIndent(p);
    p.mark = start;
  }
  const s = p.startToken();
  for (const isAsync of [false, true]) {
    // 'with' '(' ','.with_item+ ','? ')' ':' block
    p.mark = start;
    if (isAsync && !p.eat(K.ASYNC)) break;
    if (!p.eat(K.WITH)) continue;
    const afterWith = p.mark;
    if (p.eat(K.LPAR)) {
      const items = withItems(p);
      if (items !== null) {
        p.eat(K.COMMA);
        if (p.eat(K.RPAR) && p.eat(K.COLON)) {
          const body = block(p);
          if (body !== null) {
            return isAsync ? N.asyncWithNode(items, body, null, s, p.lastToken()) : N.withNode(items, body, null, s, p.lastToken());
          }
        }
      }
    }
    // 'with' ','.with_item+ ':' [TYPE_COMMENT] block
    p.mark = afterWith;
    const items = withItems(p);
    if (items !== null && p.eat(K.COLON)) {
      p.eat(K.TYPE_COMMENT);
      const body = block(p);
      if (body !== null) {
        return isAsync ? N.asyncWithNode(items, body, null, s, p.lastToken()) : N.withNode(items, body, null, s, p.lastToken());
      }
    }
  }
  p.mark = start;
  if (p.callInvalidRules) {
    I.invalidWithStmt(p);
    p.mark = start;
  }
  return null;
}

function withItems(p: Parser): A.Withitem[] | null {
  const first = withItem(p);
  if (first === null) return null;
  const items = [first];
  for (;;) {
    const m = p.mark;
    if (!p.eat(K.COMMA)) break;
    const b = withItem(p);
    if (b === null) { p.mark = m; break; }
    items.push(b);
  }
  return items;
}

/** with_item: expression 'as' star_target &(',' | ')' | ':') | invalid_with_item | expression */
function withItem(p: Parser): A.Withitem | null {
  const start = p.mark;
  const e = expression(p);
  if (e === null) return null;
  const afterE = p.mark;
  if (p.eat(K.AS)) {
    const t = starTarget(p);
    const k = p.kind();
    if (t !== null && (k === K.COMMA || k === K.RPAR || k === K.COLON)) return N.withitemNode(e, t);
  }
  p.mark = start;
  if (p.callInvalidRules) {
    I.invalidWithItem(p);
    p.mark = start;
  }
  p.mark = afterE;
  return N.withitemNode(e, null);
}

// ---- try -----------------------------------------------------------------------------------------

/** try_stmt */
function tryStmt(p: Parser): Stmt | null {
  const start = p.mark;
  if (p.callInvalidRules) {
    I.invalidTryStmt(p);
    p.mark = start;
  }
  const s = p.expect(K.TRY);
  if (s === null) return null;
  p.expectForced(K.COLON, ':');
  const body = block(p);
  if (body === null) { p.mark = start; return null; }
  const afterBody = p.mark;
  // 'try' &&':' block finally_block
  const f = finallyBlock(p);
  if (f !== null) return N.tryNode(body, [], [], f, s, p.lastToken());
  // 'try' &&':' block except_block+ [else_block] [finally_block]
  p.mark = afterBody;
  const handlers: A.ExceptHandler[] = [];
  for (;;) {
    const h = exceptBlock(p);
    if (h === null) break;
    handlers.push(h);
  }
  if (handlers.length > 0) {
    const orelse = elseBlock(p) ?? [];
    const finalbody = finallyBlock(p) ?? [];
    return N.tryNode(body, handlers, orelse, finalbody, s, p.lastToken());
  }
  // 'try' &&':' block except_star_block+ [else_block] [finally_block]
  p.mark = afterBody;
  for (;;) {
    const h = exceptStarBlock(p);
    if (h === null) break;
    handlers.push(h);
  }
  if (handlers.length > 0) {
    const orelse = elseBlock(p) ?? [];
    const finalbody = finallyBlock(p) ?? [];
    return N.tryStarNode(body, handlers, orelse, finalbody, s, p.lastToken());
  }
  p.mark = start;
  return null;
}

/** ['as' NAME] after an except clause's type. */
function exceptName(p: Parser): string | null {
  const m = p.mark;
  if (p.eat(K.AS)) {
    const n = p.name();
    if (n !== null) return n.text;
  }
  p.mark = m;
  return null;
}

/** except_block: invalid_except_stmt_indent | 'except' expression ['as' NAME] ':' block | 'except' ':' block | invalid_except_stmt */
export function exceptBlock(p: Parser): A.ExceptHandler | null {
  const start = p.mark;
  if (p.callInvalidRules) {
    I.invalidExceptStmtIndent(p);
    p.mark = start;
  }
  const s = p.expect(K.EXCEPT);
  if (s === null) return null;
  const e = expression(p);
  if (e !== null) {
    const name = exceptName(p);
    if (p.eat(K.COLON)) {
      const b = block(p);
      if (b !== null) return N.exceptHandlerNode(e, name, b, s, p.lastToken());
    }
  }
  p.mark = start + 1;
  if (p.eat(K.COLON)) {
    const b = block(p);
    if (b !== null) return N.exceptHandlerNode(null, null, b, s, p.lastToken());
  }
  p.mark = start;
  if (p.callInvalidRules) {
    I.invalidExceptStmt(p);
    p.mark = start;
  }
  return null;
}

/** except_star_block: invalid_except_star_stmt_indent | 'except' '*' expression ['as' NAME] ':' block | invalid_except_stmt */
export function exceptStarBlock(p: Parser): A.ExceptHandler | null {
  const start = p.mark;
  if (p.callInvalidRules) {
    I.invalidExceptStarStmtIndent(p);
    p.mark = start;
  }
  const s = p.expect(K.EXCEPT);
  if (s === null) return null;
  if (p.eat(K.STAR)) {
    const e = expression(p);
    if (e !== null) {
      const name = exceptName(p);
      if (p.eat(K.COLON)) {
        const b = block(p);
        if (b !== null) return N.exceptHandlerNode(e, name, b, s, p.lastToken());
      }
    }
  }
  p.mark = start;
  if (p.callInvalidRules) {
    I.invalidExceptStmt(p);
    p.mark = start;
  }
  return null;
}

/** finally_block: invalid_finally_stmt | 'finally' &&':' block */
function finallyBlock(p: Parser): Stmt[] | null {
  const start = p.mark;
  if (p.callInvalidRules) {
    I.invalidFinallyStmt(p);
    p.mark = start;
  }
  if (!p.eat(K.FINALLY)) return null;
  p.expectForced(K.COLON, ':');
  const b = block(p);
  if (b === null) p.mark = start;
  return b;
}

// ---- match ---------------------------------------------------------------------------------------

/** match_stmt: "match" subject_expr ':' NEWLINE INDENT case_block+ DEDENT | invalid_match_stmt */
function matchStmt(p: Parser): Stmt | null {
  const start = p.mark;
  const s = p.softKeyword('match');
  if (s !== null) {
    const subject = subjectExpr(p);
    if (subject !== null && p.eat(K.COLON) && p.eat(K.NEWLINE) && p.eat(K.INDENT)) {
      const cases: A.MatchCase[] = [];
      for (;;) {
        const c = caseBlock(p);
        if (c === null) break;
        cases.push(c);
      }
      if (cases.length > 0 && p.eat(K.DEDENT)) return N.matchNode(subject, cases, s, p.lastToken());
    }
  }
  p.mark = start;
  if (p.callInvalidRules) {
    I.invalidMatchStmt(p);
    p.mark = start;
  }
  return null;
}

/** subject_expr: star_named_expression ',' star_named_expressions? | named_expression */
export function subjectExpr(p: Parser): Expr | null {
  const start = p.mark;
  const s = p.startToken();
  const value = starNamedExpression(p);
  if (value !== null && p.eat(K.COMMA)) {
    const values = starNamedExpressions(p);
    return N.tupleNode(values === null ? [value] : [value, ...values], LOAD, s, p.lastToken());
  }
  p.mark = start;
  return namedExpression(p);
}

/** case_block: invalid_case_block | "case" patterns guard? ':' block */
function caseBlock(p: Parser): A.MatchCase | null {
  const start = p.mark;
  if (p.callInvalidRules) {
    I.invalidCaseBlock(p);
    p.mark = start;
  }
  if (p.softKeyword('case') === null) return null;
  const pattern = patterns(p);
  if (pattern !== null) {
    const guardExpr = guard(p);
    if (p.eat(K.COLON)) {
      const body = block(p);
      if (body !== null) return N.matchCaseNode(pattern, guardExpr, body);
    }
  }
  p.mark = start;
  return null;
}

/** guard: 'if' named_expression */
export function guard(p: Parser): Expr | null {
  const start = p.mark;
  if (!p.eat(K.IF)) return null;
  const g = namedExpression(p);
  if (g === null) p.mark = start;
  return g;
}

