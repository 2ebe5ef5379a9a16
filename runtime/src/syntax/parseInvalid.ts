// The invalid_* rules of Grammar/python.gram (3.11.7), which run only in the error pass. Each
// either throws the specialised SyntaxError CPython raises, or returns (the alternative failed);
// callers restore the mark. Where 3.11's maintenance releases changed a rule after the grammar
// file in /usr/src (3.11.2), the rule follows what CPython 3.11.7 reports.

import type * as A from './ast';
import { K, Memo, Parser } from './parser';
import type { Token } from './token';
import {
  args, bitwiseOr, disjunction, doubleStarredKvpair, expression, expressionWithoutInvalid, expressions,
  forIfClauses, genexp, kwargs, positionalArguments, list, namedExpression, starExpressions, starNamedExpression,
  starNamedExpressions, starredExpression, tuple, yieldExpr, argumentsRule,
} from './parseExpressions';
import { starTarget, starTargets } from './parseTargets';
import { block, augassign, importFromAsNames, subjectExpr, guard, exceptBlock, exceptStarBlock } from './parseStatements';
import { paramMaybeDefault, paramNoDefault, paramWithDefault, param, repeat, slashNoDefault, slashWithDefault, params } from './parseParams';
import { keywordPatterns, nameOrAttr, orPattern, patterns, positionalPatterns } from './parsePatterns';

type Expr = A.AstExpr;

// ---- helpers from Parser/action_helpers.c and pegen.h --------------------------------------------

/** _PyPegen_get_expr_name */
export function exprName(e: Expr): string {
  switch (e.nodeType) {
    case 'Attribute': return 'attribute';
    case 'Subscript': return 'subscript';
    case 'Starred': return 'starred';
    case 'Name': return 'name';
    case 'List': return 'list';
    case 'Tuple': return 'tuple';
    case 'Lambda': return 'lambda';
    case 'Call': return 'function call';
    case 'BoolOp': case 'BinOp': case 'UnaryOp': return 'expression';
    case 'GeneratorExp': return 'generator expression';
    case 'Yield': case 'YieldFrom': return 'yield expression';
    case 'Await': return 'await expression';
    case 'ListComp': return 'list comprehension';
    case 'SetComp': return 'set comprehension';
    case 'DictComp': return 'dict comprehension';
    case 'Dict': return 'dict literal';
    case 'Set': return 'set display';
    case 'JoinedStr': case 'FormattedValue': return 'f-string expression';
    case 'Constant': {
      const v = e.value;
      if (v === null) return 'None';
      if (v === false) return 'False';
      if (v === true) return 'True';
      if (typeof v === 'symbol') return 'ellipsis';
      return 'literal';
    }
    case 'Compare': return 'comparison';
    case 'IfExp': return 'conditional expression';
    case 'NamedExpr': return 'named expression';
    default: return 'expression';
  }
}

const enum TargetsType { STAR, DEL, FOR }

/** _PyPegen_get_invalid_target */
function invalidTarget(e: Expr | null, type: TargetsType): Expr | null {
  if (e === null) return null;
  switch (e.nodeType) {
    case 'List':
    case 'Tuple':
      for (const elt of e.elts) {
        const child = invalidTarget(elt, type);
        if (child !== null) return child;
      }
      return null;
    case 'Starred':
      if (type === TargetsType.DEL) return e;
      return invalidTarget(e.value, type);
    case 'Compare':
      // `for a in b` parses its target as the comparison `a in b`: look left of the `in`.
      if (type === TargetsType.FOR) {
        if (e.ops[0].nodeType === 'In') return invalidTarget(e.left, type);
        return null;
      }
      return e;
    case 'Name':
    case 'Subscript':
    case 'Attribute':
      return null;
    default:
      return e;
  }
}

/** RAISE_SYNTAX_ERROR_INVALID_TARGET: throws when `e` holds something that cannot be a target. */
function raiseInvalidTarget(p: Parser, type: TargetsType, e: Expr | null): void {
  const bad = invalidTarget(e, type);
  if (bad === null) return;
  const verb = type === TargetsType.DEL ? 'cannot delete' : 'cannot assign to';
  p.raiseAt(bad, `${verb} ${exprName(bad)}`);
}

function isLegacyStatement(e: Expr): boolean {
  return e.nodeType === 'Name' && (e.id === 'print' || e.id === 'exec');
}

function lastComprehensionItem(c: A.Comprehension): Expr {
  return c.ifs.length === 0 ? c.iter : c.ifs[c.ifs.length - 1];
}

/**
 * pegen's SOFT_KEYWORD token test (_PyPegen_soft_keyword_token) compares with
 * strncmp(keyword, name, len(name)), so any prefix of a soft keyword counts: `c`, `ma`, `cas`...
 * invalid_expression skips such names, and CPython's messages depend on it.
 */
function isSoftKeywordToken(t: Token): boolean {
  const name = t.text;
  return name.length > 0 && ('match'.startsWith(name) || 'case'.startsWith(name) || '_'.startsWith(name));
}

/** NEWLINE !INDENT followed by an IndentationError naming the statement. */
function raiseMissingBlock(p: Parser, what: string, line: number): void {
  if (p.eat(K.NEWLINE) && p.kind() !== K.INDENT) {
    p.raise(`expected an indented block after ${what} on line ${line}`, 'IndentationError');
  }
}

// ---- arguments -----------------------------------------------------------------------------------

/** invalid_arguments */
export function invalidArguments(p: Parser): void {
  const start = p.mark;
  // ((','.(starred_expression | (assignment_expression | expression !':=') !'=')+ ',' kwargs) | kwargs) ',' b='*'
  // (3.11.7 reports this at the '*'; the 3.11.2 grammar file still reports it at the arguments)
  {
    let ok = positionalArguments(p) !== null && p.eat(K.COMMA) && kwargs(p) !== null;
    if (!ok) {
      p.mark = start;
      ok = kwargs(p) !== null;
    }
    if (ok && p.eat(K.COMMA)) {
      const b = p.expect(K.STAR);
      if (b !== null) p.raiseAt(b, 'iterable argument unpacking follows keyword argument unpacking');
    }
    p.mark = start;
  }
  // a=expression b=for_if_clauses ',' [args | expression for_if_clauses]
  {
    const a = expression(p);
    if (a !== null) {
      const b = forIfClauses(p);
      if (b !== null && p.eat(K.COMMA)) {
        p.raiseRange(a, lastComprehensionItem(b[b.length - 1]), 'Generator expression must be parenthesized');
      }
    }
    p.mark = start;
  }
  // a=NAME b='=' expression for_if_clauses
  invalidNameEqualsComprehension(p);
  p.mark = start;
  // a=args b=for_if_clauses
  {
    const a = args(p);
    if (a !== null) {
      const b = forIfClauses(p);
      if (b !== null && a.args.length > 1) {
        p.raiseRange(a.args[a.args.length - 1], lastComprehensionItem(b[b.length - 1]), 'Generator expression must be parenthesized');
      }
    }
    p.mark = start;
  }
  // args ',' a=expression b=for_if_clauses
  {
    const a0 = args(p);
    if (a0 !== null && p.eat(K.COMMA)) {
      const a = expression(p);
      if (a !== null) {
        const b = forIfClauses(p);
        if (b !== null) p.raiseRange(a, lastComprehensionItem(b[b.length - 1]), 'Generator expression must be parenthesized');
      }
    }
    p.mark = start;
  }
  // a=args ',' args
  {
    const a = args(p);
    if (a !== null && p.eat(K.COMMA) && args(p) !== null) {
      const unpacking = a.keywords.some((k) => k.arg === null);
      p.raise(unpacking ? 'positional argument follows keyword argument unpacking' : 'positional argument follows keyword argument');
    }
    p.mark = start;
  }
}

function invalidNameEqualsComprehension(p: Parser): void {
  const a = p.name();
  if (a === null) return;
  const b = p.expect(K.EQUAL);
  if (b === null) return;
  if (expression(p) === null) return;
  if (forIfClauses(p) === null) return;
  p.raiseRange(a, b, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
}

/** invalid_kwarg */
export function invalidKwarg(p: Parser): void {
  const start = p.mark;
  const kind = p.kind();
  if (kind === K.TRUE || kind === K.FALSE || kind === K.NONE) {
    const a = p.tokens[p.mark++];
    const b = p.expect(K.EQUAL);
    if (b !== null) p.raiseRange(a, b, `cannot assign to ${a.text}`);
    p.mark = start;
  }
  invalidNameEqualsComprehension(p);
  p.mark = start;
  // !(NAME '=') a=expression b='='
  if (p.kind() === K.NAME && p.kindAt(start + 1) === K.EQUAL) return;
  const a = expression(p);
  if (a !== null) {
    const b = p.expect(K.EQUAL);
    if (b !== null) p.raiseRange(a, b, 'expression cannot contain assignment, perhaps you meant "=="?');
  }
  p.mark = start;
}

// ---- expressions ---------------------------------------------------------------------------------

/** invalid_legacy_expression: NAME !'(' star_expressions */
export function invalidLegacyExpression(p: Parser): void {
  const a = p.name();
  if (a === null || p.kind() === K.LPAR) return;
  const b = starExpressions(p);
  if (b === null) return;
  if (a.text === 'print' || a.text === 'exec') {
    p.raiseRange(a, b, `Missing parentheses in call to '${a.text}'. Did you mean ${a.text}(...)?`);
  }
}

/** invalid_expression */
export function invalidExpression(p: Parser): void {
  const start = p.mark;
  // !(NAME STRING | SOFT_KEYWORD) a=disjunction b=expression_without_invalid
  const kind = p.kind();
  const excluded = kind === K.NAME && (p.kindAt(start + 1) === K.STRING || isSoftKeywordToken(p.tokens[start]));
  if (!excluded) {
    const a = disjunction(p);
    if (a !== null) {
      const b = expressionWithoutInvalid(p);
      if (b !== null && !isLegacyStatement(a) && p.levels[p.mark - 1] !== 0) {
        p.raiseRange(a, b, 'invalid syntax. Perhaps you forgot a comma?');
      }
    }
    p.mark = start;
  }
  // a=disjunction 'if' b=disjunction !('else'|':')
  const a = disjunction(p);
  if (a !== null && p.eat(K.IF)) {
    const b = disjunction(p);
    if (b !== null && p.kind() !== K.ELSE && p.kind() !== K.COLON) {
      p.raiseRange(a, b, "expected 'else' after 'if' expression");
    }
  }
  p.mark = start;
}

/** invalid_named_expression (memo) */
export function invalidNamedExpression(p: Parser): void {
  const start = p.mark;
  if (p.memoGet(Memo.invalid_named_expression) !== undefined) return;
  // a=expression ':=' expression
  {
    const a = expression(p);
    if (a !== null && p.eat(K.COLONEQUAL) && expression(p) !== null) {
      p.raiseAt(a, `cannot use assignment expressions with ${exprName(a)}`);
    }
    p.mark = start;
  }
  // a=NAME '=' b=bitwise_or !('='|':=')
  {
    const a = p.name();
    if (a !== null && p.eat(K.EQUAL)) {
      const b = bitwiseOr(p);
      if (b !== null && p.kind() !== K.EQUAL && p.kind() !== K.COLONEQUAL) {
        p.raiseRange(a, b, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
      }
    }
    p.mark = start;
  }
  // !(list|tuple|genexp|'True'|'None'|'False') a=bitwise_or b='=' bitwise_or !('='|':=')
  {
    const kind = p.kind();
    let excluded = kind === K.TRUE || kind === K.NONE || kind === K.FALSE;
    if (!excluded && (kind === K.LSQB || kind === K.LPAR)) {
      excluded = (list(p) ?? tuple(p) ?? genexp(p)) !== null;
      p.mark = start;
    }
    if (!excluded) {
      const a = bitwiseOr(p);
      if (a !== null && p.eat(K.EQUAL)) {
        const b = bitwiseOr(p);
        if (b !== null && p.kind() !== K.EQUAL && p.kind() !== K.COLONEQUAL) {
          p.raiseAt(a, `cannot assign to ${exprName(a)} here. Maybe you meant '==' instead of '='?`);
        }
      }
      p.mark = start;
    }
  }
  p.memoSet(Memo.invalid_named_expression, start, null);
}

/** invalid_group */
export function invalidGroup(p: Parser): void {
  const start = p.mark;
  if (!p.eat(K.LPAR)) return;
  const a = starredExpression(p);
  if (a !== null && p.eat(K.RPAR)) p.raiseAt(a, 'cannot use starred expression here');
  p.mark = start + 1;
  const b = p.expect(K.DOUBLESTAR);
  if (b !== null && expression(p) !== null && p.eat(K.RPAR)) p.raiseAt(b, 'cannot use double starred expression here');
  p.mark = start;
}

/** invalid_comprehension */
export function invalidComprehension(p: Parser): void {
  const start = p.mark;
  const open = p.kind();
  if (open !== K.LSQB && open !== K.LPAR && open !== K.LBRACE) return;
  p.mark++;
  const a = starredExpression(p);
  if (a !== null && forIfClauses(p) !== null) p.raiseAt(a, 'iterable unpacking cannot be used in comprehension');
  if (open === K.LPAR) { p.mark = start; return; }
  p.mark = start + 1;
  const first = starNamedExpression(p);
  if (first !== null) {
    const afterFirst = p.mark;
    if (p.eat(K.COMMA)) {
      const rest = starNamedExpressions(p);
      if (rest !== null && forIfClauses(p) !== null) {
        p.raiseRange(first, rest[rest.length - 1], 'did you forget parentheses around the comprehension target?');
      }
    }
    p.mark = afterFirst;
    const comma = p.expect(K.COMMA);
    if (comma !== null && forIfClauses(p) !== null) {
      p.raiseRange(first, comma, 'did you forget parentheses around the comprehension target?');
    }
  }
  p.mark = start;
}

/** invalid_dict_comprehension: '{' a='**' bitwise_or for_if_clauses '}' */
export function invalidDictComprehension(p: Parser): void {
  const start = p.mark;
  if (p.eat(K.LBRACE)) {
    const a = p.expect(K.DOUBLESTAR);
    if (a !== null && bitwiseOr(p) !== null && forIfClauses(p) !== null && p.eat(K.RBRACE)) {
      p.raiseAt(a, 'dict unpacking cannot be used in dict comprehension');
    }
  }
  p.mark = start;
}

/** invalid_double_starred_kvpairs (called after the '{') */
export function invalidDoubleStarredKvpairs(p: Parser): void {
  const start = p.mark;
  // ','.double_starred_kvpair+ ',' invalid_kvpair
  if (doubleStarredKvpair(p) !== null) {
    for (;;) {
      const m = p.mark;
      if (!p.eat(K.COMMA)) break;
      if (doubleStarredKvpair(p) === null) { p.mark = m; break; }
    }
    if (p.eat(K.COMMA)) invalidKvpair(p);
  }
  p.mark = start;
  colonRules(p);
  p.mark = start;
}

/** The two alternatives invalid_double_starred_kvpairs and invalid_kvpair share. */
function colonRules(p: Parser): void {
  const start = p.mark;
  if (expression(p) !== null && p.eat(K.COLON)) {
    const a = p.expect(K.STAR);
    if (a !== null && bitwiseOr(p) !== null) p.raiseStartingFrom(a, 'cannot use a starred expression in a dictionary value');
  }
  p.mark = start;
  if (expression(p) !== null) {
    const a = p.expect(K.COLON);
    if (a !== null && (p.kind() === K.RBRACE || p.kind() === K.COMMA)) p.raiseAt(a, "expression expected after dictionary key and ':'");
  }
  p.mark = start;
}

/** invalid_kvpair */
function invalidKvpair(p: Parser): void {
  const start = p.mark;
  const a = expression(p);
  if (a !== null && p.kind() !== K.COLON) {
    throw p.errorAt('SyntaxError', "':' expected after dictionary key", a.lineno, a.end_col_offset, a.end_lineno, 0);
  }
  p.mark = start;
  colonRules(p);
}

// ---- assignments and targets ---------------------------------------------------------------------

/** invalid_ann_assign_target: list | tuple | '(' invalid_ann_assign_target ')' */
function invalidAnnAssignTarget(p: Parser): Expr | null {
  const start = p.mark;
  const a = list(p) ?? tuple(p);
  if (a !== null) return a;
  if (p.eat(K.LPAR)) {
    const b = invalidAnnAssignTarget(p);
    if (b !== null && p.eat(K.RPAR)) return b;
  }
  p.mark = start;
  return null;
}

/** (star_targets '=')* */
function skipStarTargetsAssignments(p: Parser): void {
  for (;;) {
    const m = p.mark;
    if (starTargets(p) === null || !p.eat(K.EQUAL)) { p.mark = m; return; }
  }
}

/** invalid_assignment */
export function invalidAssignment(p: Parser): void {
  const start = p.mark;
  {
    const a = invalidAnnAssignTarget(p);
    if (a !== null && p.eat(K.COLON) && expression(p) !== null) {
      p.raiseAt(a, `only single target (not ${exprName(a)}) can be annotated`);
    }
    p.mark = start;
  }
  {
    const a = starNamedExpression(p);
    if (a !== null && p.eat(K.COMMA)) {
      while (starNamedExpressions(p) !== null) { /* star_named_expressions* */ }
      if (p.eat(K.COLON) && expression(p) !== null) p.raiseAt(a, 'only single target (not tuple) can be annotated');
    }
    p.mark = start;
  }
  {
    const a = expression(p);
    if (a !== null && p.eat(K.COLON) && expression(p) !== null) p.raiseAt(a, 'illegal target for annotation');
    p.mark = start;
  }
  {
    skipStarTargetsAssignments(p);
    const a = starExpressions(p);
    if (a !== null && p.eat(K.EQUAL)) raiseInvalidTarget(p, TargetsType.STAR, a);
    p.mark = start;
  }
  {
    skipStarTargetsAssignments(p);
    const a = yieldExpr(p);
    if (a !== null && p.eat(K.EQUAL)) p.raiseAt(a, 'assignment to yield expression not possible');
    p.mark = start;
  }
  {
    const a = starExpressions(p);
    if (a !== null && augassign(p) !== null && (yieldExpr(p) ?? starExpressions(p)) !== null) {
      p.raiseAt(a, `'${exprName(a)}' is an illegal expression for augmented assignment`);
    }
    p.mark = start;
  }
}

/** invalid_del_stmt: 'del' star_expressions */
export function invalidDelStmt(p: Parser): void {
  if (!p.eat(K.DEL)) return;
  const a = starExpressions(p);
  if (a !== null) raiseInvalidTarget(p, TargetsType.DEL, a);
}

/** invalid_for_target: ASYNC? 'for' star_expressions */
export function invalidForTarget(p: Parser): void {
  p.eat(K.ASYNC);
  if (!p.eat(K.FOR)) return;
  const a = starExpressions(p);
  if (a !== null) raiseInvalidTarget(p, TargetsType.FOR, a);
}

/** invalid_with_item: expression 'as' a=expression &(',' | ')' | ':') */
export function invalidWithItem(p: Parser): void {
  if (expression(p) === null || !p.eat(K.AS)) return;
  const a = expression(p);
  const k = p.kind();
  if (a !== null && (k === K.COMMA || k === K.RPAR || k === K.COLON)) raiseInvalidTarget(p, TargetsType.STAR, a);
}

// ---- blocks and compound statements --------------------------------------------------------------

/** invalid_block: NEWLINE !INDENT */
export function invalidBlock(p: Parser): void {
  if (p.eat(K.NEWLINE) && p.kind() !== K.INDENT) p.raise('expected an indented block', 'IndentationError');
}

/** invalid_import_from_targets: import_from_as_names ',' NEWLINE */
export function invalidImportFromTargets(p: Parser): void {
  if (importFromAsNames(p) !== null && p.eat(K.COMMA) && p.eat(K.NEWLINE)) {
    p.raise('trailing comma not allowed without surrounding parentheses');
  }
}

/** ','.(expression ['as' star_target])+ — or with `expressions` inside parentheses. */
function withItemsLoose(p: Parser, inParens: boolean): boolean {
  let count = 0;
  for (;;) {
    const m = p.mark;
    if (count > 0 && !p.eat(K.COMMA)) break;
    const e = inParens ? expressions(p) : expression(p);
    if (e === null) { p.mark = m; break; }
    const afterE = p.mark;
    if (!(p.eat(K.AS) && starTarget(p) !== null)) p.mark = afterE;
    count++;
  }
  return count > 0;
}

/** Matches `[ASYNC] 'with' items` in either form; returns the 'with' token and whether it matched. */
function invalidWithHead(p: Parser, inParens: boolean): Token | null {
  p.eat(K.ASYNC);
  const w = p.expect(K.WITH);
  if (w === null) return null;
  if (inParens) {
    if (!p.eat(K.LPAR)) return null;
    if (!withItemsLoose(p, true)) return null;
    p.eat(K.COMMA);
    if (!p.eat(K.RPAR)) return null;
    return w;
  }
  return withItemsLoose(p, false) ? w : null;
}

/** invalid_with_stmt */
export function invalidWithStmt(p: Parser): void {
  const start = p.mark;
  for (const inParens of [false, true]) {
    p.mark = start;
    if (invalidWithHead(p, inParens) !== null && p.eat(K.NEWLINE)) p.raise("expected ':'");
  }
  p.mark = start;
}

/** invalid_with_stmt_indent */
export function invalidWithStmtIndent(p: Parser): void {
  const start = p.mark;
  for (const inParens of [false, true]) {
    p.mark = start;
    const w = invalidWithHead(p, inParens);
    if (w !== null && p.eat(K.COLON)) raiseMissingBlock(p, "'with' statement", w.lineno);
  }
  p.mark = start;
}

/** invalid_try_stmt */
export function invalidTryStmt(p: Parser): void {
  const start = p.mark;
  const a = p.expect(K.TRY);
  if (a === null) return;
  if (p.eat(K.COLON)) raiseMissingBlock(p, "'try' statement", a.lineno);
  p.mark = start + 1;
  if (p.eat(K.COLON) && block(p) !== null) {
    const k = p.kind();
    if (k !== K.EXCEPT && k !== K.FINALLY) p.raise("expected 'except' or 'finally' block");
  }
  for (const star of [false, true]) {
    p.mark = start + 1;
    if (!p.eat(K.COLON)) break;
    while (block(p) !== null) { /* block* */ }
    let handlers = 0;
    for (;;) {
      const h = star ? exceptStarBlock(p) : exceptBlock(p);
      if (h === null) break;
      handlers++;
    }
    if (handlers === 0) continue;
    const e = p.expect(K.EXCEPT);
    if (e === null) continue;
    if (!star) {
      const b = p.expect(K.STAR);
      if (b !== null && expression(p) !== null) {
        exceptAsName(p);
        if (p.eat(K.COLON)) p.raiseRange(e, b, "cannot have both 'except' and 'except*' on the same 'try'");
      }
    } else {
      const m = p.mark;
      if (expression(p) !== null) exceptAsName(p);
      else p.mark = m;
      if (p.eat(K.COLON)) p.raiseAt(e, "cannot have both 'except' and 'except*' on the same 'try'");
    }
  }
  p.mark = start;
}

function exceptAsName(p: Parser): void {
  const m = p.mark;
  if (!(p.eat(K.AS) && p.name() !== null)) p.mark = m;
}

/** invalid_except_stmt */
export function invalidExceptStmt(p: Parser): void {
  const start = p.mark;
  if (!p.eat(K.EXCEPT)) return;
  p.eat(K.STAR);
  const afterStar = p.mark;
  // 'except' '*'? a=expression ',' expressions ['as' NAME ] ':'
  const a = expression(p);
  if (a !== null && p.eat(K.COMMA) && expressions(p) !== null) {
    exceptAsName(p);
    if (p.eat(K.COLON)) p.raiseStartingFrom(a, 'multiple exception types must be parenthesized');
  }
  // a='except' '*'? expression ['as' NAME ] NEWLINE
  p.mark = afterStar;
  if (expression(p) !== null) {
    exceptAsName(p);
    if (p.eat(K.NEWLINE)) p.raise("expected ':'");
  }
  // a='except' NEWLINE
  p.mark = start + 1;
  if (p.eat(K.NEWLINE)) p.raise("expected ':'");
  // a='except' '*' (NEWLINE | ':')
  p.mark = start + 1;
  if (p.eat(K.STAR) && (p.eat(K.NEWLINE) || p.eat(K.COLON))) p.raise('expected one or more exception types');
  p.mark = start;
}

/** invalid_finally_stmt */
export function invalidFinallyStmt(p: Parser): void {
  const a = p.expect(K.FINALLY);
  if (a !== null && p.eat(K.COLON)) raiseMissingBlock(p, "'finally' statement", a.lineno);
}

/** invalid_except_stmt_indent */
export function invalidExceptStmtIndent(p: Parser): void {
  const start = p.mark;
  const a = p.expect(K.EXCEPT);
  if (a === null) return;
  if (expression(p) !== null) {
    exceptAsName(p);
    if (p.eat(K.COLON)) raiseMissingBlock(p, "'except' statement", a.lineno);
  }
  p.mark = start + 1;
  if (p.eat(K.COLON)) raiseMissingBlock(p, "'except' statement", a.lineno);
  p.mark = start;
}

/** invalid_except_star_stmt_indent */
export function invalidExceptStarStmtIndent(p: Parser): void {
  const a = p.expect(K.EXCEPT);
  if (a === null || !p.eat(K.STAR) || expression(p) === null) return;
  exceptAsName(p);
  if (p.eat(K.COLON)) raiseMissingBlock(p, "'except*' statement", a.lineno);
}

/** invalid_match_stmt */
export function invalidMatchStmt(p: Parser): void {
  const start = p.mark;
  const a = p.softKeyword('match');
  if (a === null) return;
  if (subjectExpr(p) !== null && p.eat(K.NEWLINE)) p.raise("expected ':'");
  p.mark = start + 1;
  if (subjectExpr(p) !== null && p.eat(K.COLON)) raiseMissingBlock(p, "'match' statement", a.lineno);
  p.mark = start;
}

/** invalid_case_block */
export function invalidCaseBlock(p: Parser): void {
  const start = p.mark;
  const a = p.softKeyword('case');
  if (a === null) return;
  if (patterns(p) !== null) {
    const m = p.mark;
    if (guard(p) === null) p.mark = m;
    if (p.eat(K.NEWLINE)) p.raise("expected ':'");
  }
  p.mark = start + 1;
  if (patterns(p) !== null) {
    const m = p.mark;
    if (guard(p) === null) p.mark = m;
    if (p.eat(K.COLON)) raiseMissingBlock(p, "'case' statement", a.lineno);
  }
  p.mark = start;
}

/** invalid_as_pattern */
export function invalidAsPattern(p: Parser): void {
  const start = p.mark;
  if (orPattern(p) === null || !p.eat(K.AS)) { p.mark = start; return; }
  const afterAs = p.mark;
  const underscore = p.softKeyword('_');
  if (underscore !== null) p.raiseAt(underscore, "cannot use '_' as a target");
  p.mark = afterAs;
  if (p.kind() !== K.NAME) {
    const a = expression(p);
    if (a !== null) p.raiseAt(a, 'invalid pattern target');
  }
  p.mark = start;
}

/** invalid_class_pattern: name_or_attr '(' invalid_class_argument_pattern */
export function invalidClassPattern(p: Parser): void {
  const start = p.mark;
  if (nameOrAttr(p) === null || !p.eat(K.LPAR)) { p.mark = start; return; }
  const afterParen = p.mark;
  // [positional_patterns ','] keyword_patterns ',' a=positional_patterns
  for (const withPositional of [true, false]) {
    p.mark = afterParen;
    if (withPositional && !(positionalPatterns(p) !== null && p.eat(K.COMMA))) continue;
    if (keywordPatterns(p) !== null && p.eat(K.COMMA)) {
      const a = positionalPatterns(p);
      if (a !== null) p.raiseRange(a[0], a[a.length - 1], 'positional patterns follow keyword patterns');
    }
  }
  p.mark = start;
}

/** invalid_if_stmt / invalid_elif_stmt / invalid_while_stmt */
function invalidConditional(p: Parser, keyword: K, what: string): void {
  const start = p.mark;
  if (!p.eat(keyword)) return;
  if (namedExpression(p) !== null && p.eat(K.NEWLINE)) p.raise("expected ':'");
  p.mark = start + 1;
  const test = namedExpression(p);
  // invalid_if_stmt rebinds `a` to the condition, so its line is the one reported.
  const line = keyword === K.IF && test !== null ? test.lineno : p.tokens[start].lineno;
  if (test !== null && p.eat(K.COLON)) raiseMissingBlock(p, what, line);
  p.mark = start;
}

export function invalidIfStmt(p: Parser): void {
  invalidConditional(p, K.IF, "'if' statement");
}

export function invalidElifStmt(p: Parser): void {
  invalidConditional(p, K.ELIF, "'elif' statement");
}

export function invalidWhileStmt(p: Parser): void {
  invalidConditional(p, K.WHILE, "'while' statement");
}

/** invalid_else_stmt: a='else' ':' NEWLINE !INDENT */
export function invalidElseStmt(p: Parser): void {
  const a = p.expect(K.ELSE);
  if (a !== null && p.eat(K.COLON)) raiseMissingBlock(p, "'else' statement", a.lineno);
}

/** invalid_for_stmt */
export function invalidForStmt(p: Parser): void {
  const start = p.mark;
  p.eat(K.ASYNC);
  const afterAsync = p.mark;
  const a = p.expect(K.FOR);
  if (a === null) { p.mark = start; return; }
  if (starTargets(p) !== null && p.eat(K.IN) && starExpressions(p) !== null) {
    if (p.eat(K.NEWLINE)) p.raise("expected ':'");
  }
  p.mark = afterAsync + 1;
  if (starTargets(p) !== null && p.eat(K.IN) && starExpressions(p) !== null && p.eat(K.COLON)) {
    raiseMissingBlock(p, "'for' statement", a.lineno);
  }
  p.mark = start;
}

/** invalid_def_raw: [ASYNC] a='def' NAME '(' [params] ')' ['->' expression] ':' NEWLINE !INDENT */
export function invalidDefRaw(p: Parser): void {
  const start = p.mark;
  p.eat(K.ASYNC);
  const a = p.expect(K.DEF);
  if (a === null || p.name() === null || !p.eat(K.LPAR)) { p.mark = start; return; }
  params(p);
  if (!p.eat(K.RPAR)) { p.mark = start; return; }
  const m = p.mark;
  if (!(p.eat(K.RARROW) && expression(p) !== null)) p.mark = m;
  if (p.eat(K.COLON)) raiseMissingBlock(p, 'function definition', a.lineno);
  p.mark = start;
}

/** invalid_class_def_raw */
export function invalidClassDefRaw(p: Parser): void {
  const start = p.mark;
  const a = p.expect(K.CLASS);
  if (a === null || p.name() === null) { p.mark = start; return; }
  const m = p.mark;
  if (p.eat(K.LPAR)) {
    argumentsRule(p);
    if (!p.eat(K.RPAR)) p.mark = m;
  }
  const afterHead = p.mark;
  if (p.eat(K.NEWLINE)) p.raise("expected ':'");
  p.mark = afterHead;
  if (p.eat(K.COLON)) raiseMissingBlock(p, 'class definition', a.lineno);
  p.mark = start;
}

// ---- parameters ----------------------------------------------------------------------------------

/** invalid_parameters / invalid_lambda_parameters */
function invalidParametersCommon(p: Parser, lambda: boolean): void {
  const start = p.mark;
  // param_no_default* invalid_parameters_helper a=param_no_default
  {
    repeat(p, lambda, paramNoDefault);
    const helper = slashWithDefault(p, lambda) !== null || repeat(p, lambda, paramWithDefault).length > 0;
    if (helper) {
      const a = paramNoDefault(p, lambda);
      if (a !== null) p.raiseAt(a, 'non-default argument follows default argument');
    }
    p.mark = start;
  }
  // param_no_default* a='(' param_no_default+ ','? b=')'   (lambda: ','.lambda_param+)
  {
    repeat(p, lambda, paramNoDefault);
    const a = p.expect(K.LPAR);
    if (a !== null) {
      let ok: boolean;
      if (lambda) {
        ok = param(p, true) !== null;
        while (ok) {
          const m = p.mark;
          if (!(p.eat(K.COMMA) && param(p, true) !== null)) { p.mark = m; break; }
        }
      } else {
        ok = repeat(p, false, paramNoDefault).length > 0;
      }
      if (ok) {
        p.eat(K.COMMA);
        const b = p.expect(K.RPAR);
        if (b !== null) p.raiseRange(a, b, lambda ? 'Lambda expression parameters cannot be parenthesized' : 'Function parameters cannot be parenthesized');
      }
    }
    p.mark = start;
  }
  // a="/" ','
  {
    const a = p.expect(K.SLASH);
    if (a !== null && p.eat(K.COMMA)) p.raiseAt(a, 'at least one argument must precede /');
    p.mark = start;
  }
  // (slash_no_default | slash_with_default) param_maybe_default* a='/'
  {
    if (slashNoDefault(p, lambda) !== null || slashWithDefault(p, lambda) !== null) {
      repeat(p, lambda, paramMaybeDefault);
      const a = p.expect(K.SLASH);
      if (a !== null) p.raiseAt(a, '/ may appear only once');
    }
    p.mark = start;
  }
  // (slash_no_default | slash_with_default)? param_maybe_default* '*' (',' | param_no_default) param_maybe_default* a='/'
  {
    if (slashNoDefault(p, lambda) === null) slashWithDefault(p, lambda);
    repeat(p, lambda, paramMaybeDefault);
    if (p.eat(K.STAR) && (p.eat(K.COMMA) || paramNoDefault(p, lambda) !== null)) {
      repeat(p, lambda, paramMaybeDefault);
      const a = p.expect(K.SLASH);
      if (a !== null) p.raiseAt(a, '/ must be ahead of *');
    }
    p.mark = start;
  }
  // param_maybe_default+ '/' a='*'
  {
    if (repeat(p, lambda, paramMaybeDefault).length > 0 && p.eat(K.SLASH)) {
      const a = p.expect(K.STAR);
      if (a !== null) p.raiseAt(a, 'expected comma between / and *');
    }
    p.mark = start;
  }
}

export function invalidParameters(p: Parser): void {
  invalidParametersCommon(p, false);
}

export function invalidLambdaParameters(p: Parser): void {
  invalidParametersCommon(p, true);
}

/** invalid_default: a='=' &(')'|',') */
export function invalidDefault(p: Parser): void {
  const a = p.expect(K.EQUAL);
  if (a !== null && (p.kind() === K.RPAR || p.kind() === K.COMMA)) p.raiseAt(a, 'expected default value expression');
}

/** invalid_star_etc / invalid_lambda_star_etc */
function invalidStarEtcCommon(p: Parser, lambda: boolean): void {
  const start = p.mark;
  const closer = lambda ? K.COLON : K.RPAR;
  const a = p.expect(K.STAR);
  if (a === null) return;
  // '*' (')' | ',' (')' | '**'))
  if (p.eat(closer) || (p.eat(K.COMMA) && (p.eat(closer) || p.eat(K.DOUBLESTAR)))) {
    if (lambda) p.raise('named arguments must follow bare *');
    p.raiseAt(a, 'named arguments must follow bare *');
  }
  p.mark = start + 1;
  // '*' ',' TYPE_COMMENT
  if (!lambda && p.eat(K.COMMA) && p.eat(K.TYPE_COMMENT)) p.raise('bare * has associated type comment');
  // '*' param a='='
  p.mark = start + 1;
  if (param(p, lambda) !== null) {
    const eq = p.expect(K.EQUAL);
    if (eq !== null) p.raiseAt(eq, 'var-positional argument cannot have default value');
  }
  // '*' (param_no_default | ',') param_maybe_default* a='*' (param_no_default | ',')
  p.mark = start + 1;
  if (paramNoDefault(p, lambda) !== null || p.eat(K.COMMA)) {
    repeat(p, lambda, paramMaybeDefault);
    const b = p.expect(K.STAR);
    if (b !== null && (paramNoDefault(p, lambda) !== null || p.eat(K.COMMA))) p.raiseAt(b, '* argument may appear only once');
  }
  p.mark = start;
}

export function invalidStarEtc(p: Parser): void {
  invalidStarEtcCommon(p, false);
}

export function invalidLambdaStarEtc(p: Parser): void {
  invalidStarEtcCommon(p, true);
}

/** invalid_kwds / invalid_lambda_kwds */
function invalidKwdsCommon(p: Parser, lambda: boolean): void {
  const start = p.mark;
  if (!p.eat(K.DOUBLESTAR) || param(p, lambda) === null) { p.mark = start; return; }
  const afterParam = p.mark;
  const eq = p.expect(K.EQUAL);
  if (eq !== null) p.raiseAt(eq, 'var-keyword argument cannot have default value');
  p.mark = afterParam;
  if (p.eat(K.COMMA)) {
    const afterComma = p.mark;
    const a = param(p, lambda);
    if (a !== null) p.raiseAt(a, 'arguments cannot follow var-keyword argument');
    p.mark = afterComma;
    const k = p.kind();
    if (k === K.STAR || k === K.DOUBLESTAR || k === K.SLASH) p.raiseAt(p.token(), 'arguments cannot follow var-keyword argument');
  }
  p.mark = start;
}

export function invalidKwds(p: Parser): void {
  invalidKwdsCommon(p, false);
}

export function invalidLambdaKwds(p: Parser): void {
  invalidKwdsCommon(p, true);
}

