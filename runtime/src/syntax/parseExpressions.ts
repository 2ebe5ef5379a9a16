// Expression rules of Grammar/python.gram (3.11), from `expressions` down to `atom`, plus
// comprehensions and call arguments. Each function is one grammar rule: on success it returns
// the node and leaves `p.mark` after it; on failure it returns null with `p.mark` where it was.
// Invalid_* alternatives run only in the error pass (`p.callInvalidRules`) and throw.

import type * as A from './ast';
import { K, Memo, Parser } from './parser';
import * as N from './parseNodes';
import { LOAD } from './parseNodes';
import { starTargets } from './parseTargets';
import { lambdaParams } from './parseParams';
import { concatenateStrings, numberConstant } from './parseLiterals';
import * as I from './parseInvalid';

type Expr = A.AstExpr;

/** expressions: expression (',' expression)+ [','] | expression ',' | expression */
export function expressions(p: Parser): Expr | null {
  const s = p.startToken();
  const a = expression(p);
  if (a === null) return null;
  if (p.kind() !== K.COMMA) return a;
  const elts = [a];
  while (p.kind() === K.COMMA) {
    const m = p.mark;
    p.mark++;
    const b = expression(p);
    if (b === null) { p.mark = m; break; }
    elts.push(b);
  }
  p.eat(K.COMMA);
  return N.tupleNode(elts, LOAD, s, p.lastToken());
}

/** expression (memo): invalid_expression | invalid_legacy_expression | disjunction 'if' disjunction 'else' expression | disjunction | lambdef */
export function expression(p: Parser): Expr | null {
  const start = p.mark;
  const memo = p.memoGet(Memo.expression);
  if (memo !== undefined) { p.mark = memo.end; return memo.value as Expr | null; }
  p.enter();
  const s = p.startToken();
  if (p.callInvalidRules) {
    I.invalidExpression(p);
    p.mark = start;
    I.invalidLegacyExpression(p);
    p.mark = start;
  }
  let result: Expr | null = null;
  const a = disjunction(p);
  if (a !== null) {
    const afterA = p.mark;
    if (p.eat(K.IF)) {
      const b = disjunction(p);
      if (b !== null && p.eat(K.ELSE)) {
        const c = expression(p);
        if (c !== null) result = N.ifExpNode(b, a, c, s, p.lastToken());
      }
    }
    if (result === null) { p.mark = afterA; result = a; }
  } else {
    p.mark = start;
    result = lambdef(p);
  }
  if (result === null) p.mark = start;
  p.memoSet(Memo.expression, start, result);
  p.depth--;
  return result;
}

/** expression_without_invalid: the same alternatives with invalid rules switched off. */
export function expressionWithoutInvalid(p: Parser): Expr | null {
  const saved = p.callInvalidRules;
  p.callInvalidRules = false;
  const start = p.mark;
  const s = p.startToken();
  try {
    const a = disjunction(p);
    if (a !== null) {
      const afterA = p.mark;
      if (p.eat(K.IF)) {
        const b = disjunction(p);
        if (b !== null && p.eat(K.ELSE)) {
          const c = expression(p);
          if (c !== null) return N.ifExpNode(b, a, c, s, p.lastToken());
        }
      }
      p.mark = afterA;
      return a;
    }
    p.mark = start;
    const l = lambdef(p);
    if (l === null) p.mark = start;
    return l;
  } finally {
    p.callInvalidRules = saved;
  }
}

/** yield_expr: 'yield' 'from' expression | 'yield' [star_expressions] */
export function yieldExpr(p: Parser): Expr | null {
  const start = p.mark;
  const s = p.expect(K.YIELD);
  if (s === null) return null;
  if (p.eat(K.FROM)) {
    const a = expression(p);
    if (a !== null) return N.yieldFromNode(a, s, p.lastToken());
    p.mark = start + 1;
  }
  const a = starExpressions(p);
  if (a === null) p.mark = start + 1;
  return N.yieldNode(a, s, p.lastToken());
}

/** star_expressions: star_expression (',' star_expression)+ [','] | star_expression ',' | star_expression */
export function starExpressions(p: Parser): Expr | null {
  const s = p.startToken();
  const a = starExpression(p);
  if (a === null) return null;
  if (p.kind() !== K.COMMA) return a;
  const elts = [a];
  while (p.kind() === K.COMMA) {
    const m = p.mark;
    p.mark++;
    const b = starExpression(p);
    if (b === null) { p.mark = m; break; }
    elts.push(b);
  }
  p.eat(K.COMMA);
  return N.tupleNode(elts, LOAD, s, p.lastToken());
}

/** star_expression (memo): '*' bitwise_or | expression */
export function starExpression(p: Parser): Expr | null {
  const start = p.mark;
  // Re-parsed at one position only in the error pass (by the invalid_* rules): memoised there only.
  const memo = p.errorPass ? p.memoGet(Memo.star_expression) : undefined;
  if (memo !== undefined) { p.mark = memo.end; return memo.value as Expr | null; }
  let result: Expr | null = null;
  const s = p.startToken();
  if (p.eat(K.STAR)) {
    const a = bitwiseOr(p);
    if (a !== null) result = N.starredNode(a, LOAD, s, p.lastToken());
    else p.mark = start;
  }
  if (result === null) result = expression(p);
  if (p.errorPass) p.memoSet(Memo.star_expression, start, result);
  return result;
}

/** star_named_expressions: ','.star_named_expression+ [','] */
export function starNamedExpressions(p: Parser): Expr[] | null {
  const a = starNamedExpression(p);
  if (a === null) return null;
  const elts = [a];
  while (p.kind() === K.COMMA) {
    const m = p.mark;
    p.mark++;
    const b = starNamedExpression(p);
    if (b === null) { p.mark = m; break; }
    elts.push(b);
  }
  p.eat(K.COMMA);
  return elts;
}

/** star_named_expression: '*' bitwise_or | named_expression */
export function starNamedExpression(p: Parser): Expr | null {
  const start = p.mark;
  const s = p.startToken();
  if (p.eat(K.STAR)) {
    const a = bitwiseOr(p);
    if (a !== null) return N.starredNode(a, LOAD, s, p.lastToken());
    p.mark = start;
  }
  return namedExpression(p);
}

/** assignment_expression: NAME ':=' ~ expression */
export function assignmentExpression(p: Parser): Expr | null {
  const start = p.mark;
  if (p.kind() !== K.NAME || p.kindAt(start + 1) !== K.COLONEQUAL) return null;
  const a = p.tokens[start];
  p.mark = start + 2;
  const b = expression(p);
  if (b === null) { p.mark = start; return null; }
  const target = N.nameNode(a.text, N.STORE, a, a);
  return N.namedExprNode(target, b, a, p.lastToken());
}

/** named_expression: assignment_expression | invalid_named_expression | expression !':=' */
export function namedExpression(p: Parser): Expr | null {
  const start = p.mark;
  const a = assignmentExpression(p);
  if (a !== null) return a;
  if (p.callInvalidRules) {
    I.invalidNamedExpression(p);
    p.mark = start;
  }
  const e = expression(p);
  if (e !== null && p.kind() !== K.COLONEQUAL) return e;
  p.mark = start;
  return null;
}

/** disjunction (memo): conjunction ('or' conjunction)+ | conjunction */
export function disjunction(p: Parser): Expr | null {
  const start = p.mark;
  // Re-parsed at one position only in the error pass (by the invalid_* rules): memoised there only.
  const memo = p.errorPass ? p.memoGet(Memo.disjunction) : undefined;
  if (memo !== undefined) { p.mark = memo.end; return memo.value as Expr | null; }
  const s = p.startToken();
  let result = conjunction(p);
  if (result !== null && p.kind() === K.OR) {
    const values = [result];
    while (p.kind() === K.OR) {
      const m = p.mark;
      p.mark++;
      const b = conjunction(p);
      if (b === null) { p.mark = m; break; }
      values.push(b);
    }
    if (values.length > 1) result = N.boolOpNode(N.OP_OR, values, s, p.lastToken());
  }
  if (p.errorPass) p.memoSet(Memo.disjunction, start, result);
  return result;
}

/** conjunction (memo): inversion ('and' inversion)+ | inversion */
export function conjunction(p: Parser): Expr | null {
  const start = p.mark;
  // Re-parsed at one position only in the error pass (by the invalid_* rules): memoised there only.
  const memo = p.errorPass ? p.memoGet(Memo.conjunction) : undefined;
  if (memo !== undefined) { p.mark = memo.end; return memo.value as Expr | null; }
  const s = p.startToken();
  let result = inversion(p);
  if (result !== null && p.kind() === K.AND) {
    const values = [result];
    while (p.kind() === K.AND) {
      const m = p.mark;
      p.mark++;
      const b = inversion(p);
      if (b === null) { p.mark = m; break; }
      values.push(b);
    }
    if (values.length > 1) result = N.boolOpNode(N.OP_AND, values, s, p.lastToken());
  }
  if (p.errorPass) p.memoSet(Memo.conjunction, start, result);
  return result;
}

/** inversion (memo): 'not' inversion | comparison */
export function inversion(p: Parser): Expr | null {
  const start = p.mark;
  // Re-parsed at one position only in the error pass (by the invalid_* rules): memoised there only.
  const memo = p.errorPass ? p.memoGet(Memo.inversion) : undefined;
  if (memo !== undefined) { p.mark = memo.end; return memo.value as Expr | null; }
  p.enter();
  let result: Expr | null = null;
  const s = p.startToken();
  if (p.eat(K.NOT)) {
    const a = inversion(p);
    if (a !== null) result = N.unaryOpNode(N.OP_NOT, a, s, p.lastToken());
    else p.mark = start;
  }
  if (result === null) result = comparison(p);
  if (p.errorPass) p.memoSet(Memo.inversion, start, result);
  p.depth--;
  return result;
}

/** comparison: bitwise_or compare_op_bitwise_or_pair+ | bitwise_or */
export function comparison(p: Parser): Expr | null {
  const s = p.startToken();
  const a = bitwiseOr(p);
  if (a === null) return null;
  let ops: A.AstCmpop[] | null = null;
  let comparators: Expr[] | null = null;
  for (;;) {
    const m = p.mark;
    const op = compareOperator(p);
    if (op === null) break;
    const b = bitwiseOr(p);
    if (b === null) { p.mark = m; break; }
    if (ops === null) { ops = []; comparators = []; }
    ops.push(op);
    comparators!.push(b);
  }
  if (ops === null) return a;
  return N.compareNode(a, ops, comparators!, s, p.lastToken());
}

function compareOperator(p: Parser): A.AstCmpop | null {
  switch (p.kind()) {
    case K.EQEQUAL: p.mark++; return N.OP_EQ;
    case K.NOTEQUAL:
      // `<>` is only an operator under `from __future__ import barry_as_FLUFL`.
      if (p.token().text !== '!=') return null;
      p.mark++;
      return N.OP_NOTEQ;
    case K.LESSEQUAL: p.mark++; return N.OP_LTE;
    case K.LESS: p.mark++; return N.OP_LT;
    case K.GREATEREQUAL: p.mark++; return N.OP_GTE;
    case K.GREATER: p.mark++; return N.OP_GT;
    case K.NOT:
      if (p.kindAt(p.mark + 1) !== K.IN) return null;
      p.mark += 2;
      return N.OP_NOTIN;
    case K.IN: p.mark++; return N.OP_IN;
    case K.IS:
      // 'is' 'not' X, else 'is' X: an X starting with `not` cannot be a bitwise_or, so when the
      // first fails the second would too.
      if (p.kindAt(p.mark + 1) === K.NOT) {
        p.mark += 2;
        return N.OP_ISNOT;
      }
      p.mark++;
      return N.OP_IS;
    default: return null;
  }
}

/** bitwise_or: bitwise_or '|' bitwise_xor | bitwise_xor (left-recursive, as a loop) */
export function bitwiseOr(p: Parser): Expr | null {
  if (!p.errorPass) return bitwiseOrUncached(p);
  const start = p.mark;
  const memo = p.memoGet(Memo.bitwise_or);
  if (memo !== undefined) { p.mark = memo.end; return memo.value as Expr | null; }
  const result = bitwiseOrUncached(p);
  p.memoSet(Memo.bitwise_or, start, result);
  return result;
}

function bitwiseOrUncached(p: Parser): Expr | null {
  const s = p.startToken();
  let a = bitwiseXor(p);
  if (a === null) return null;
  while (p.kind() === K.VBAR) {
    const m = p.mark;
    p.mark++;
    const b = bitwiseXor(p);
    if (b === null) { p.mark = m; break; }
    a = N.binOpNode(a, N.OP_BITOR, b, s, p.lastToken());
  }
  return a;
}

function bitwiseXor(p: Parser): Expr | null {
  if (!p.errorPass) return bitwiseXorUncached(p);
  const start = p.mark;
  const memo = p.memoGet(Memo.bitwise_xor);
  if (memo !== undefined) { p.mark = memo.end; return memo.value as Expr | null; }
  const result = bitwiseXorUncached(p);
  p.memoSet(Memo.bitwise_xor, start, result);
  return result;
}

function bitwiseXorUncached(p: Parser): Expr | null {
  const s = p.startToken();
  let a = bitwiseAnd(p);
  if (a === null) return null;
  while (p.kind() === K.CIRCUMFLEX) {
    const m = p.mark;
    p.mark++;
    const b = bitwiseAnd(p);
    if (b === null) { p.mark = m; break; }
    a = N.binOpNode(a, N.OP_BITXOR, b, s, p.lastToken());
  }
  return a;
}

function bitwiseAnd(p: Parser): Expr | null {
  if (!p.errorPass) return bitwiseAndUncached(p);
  const start = p.mark;
  const memo = p.memoGet(Memo.bitwise_and);
  if (memo !== undefined) { p.mark = memo.end; return memo.value as Expr | null; }
  const result = bitwiseAndUncached(p);
  p.memoSet(Memo.bitwise_and, start, result);
  return result;
}

function bitwiseAndUncached(p: Parser): Expr | null {
  const s = p.startToken();
  let a = shiftExpr(p);
  if (a === null) return null;
  while (p.kind() === K.AMPER) {
    const m = p.mark;
    p.mark++;
    const b = shiftExpr(p);
    if (b === null) { p.mark = m; break; }
    a = N.binOpNode(a, N.OP_BITAND, b, s, p.lastToken());
  }
  return a;
}

function shiftExpr(p: Parser): Expr | null {
  if (!p.errorPass) return shiftExprUncached(p);
  const start = p.mark;
  const memo = p.memoGet(Memo.shift_expr);
  if (memo !== undefined) { p.mark = memo.end; return memo.value as Expr | null; }
  const result = shiftExprUncached(p);
  p.memoSet(Memo.shift_expr, start, result);
  return result;
}

function shiftExprUncached(p: Parser): Expr | null {
  const s = p.startToken();
  let a = sum(p);
  if (a === null) return null;
  for (;;) {
    const kind = p.kind();
    if (kind !== K.LEFTSHIFT && kind !== K.RIGHTSHIFT) break;
    const m = p.mark;
    p.mark++;
    const b = sum(p);
    if (b === null) { p.mark = m; break; }
    a = N.binOpNode(a, kind === K.LEFTSHIFT ? N.OP_LSHIFT : N.OP_RSHIFT, b, s, p.lastToken());
  }
  return a;
}

function sum(p: Parser): Expr | null {
  if (!p.errorPass) return sumUncached(p);
  const start = p.mark;
  const memo = p.memoGet(Memo.sum);
  if (memo !== undefined) { p.mark = memo.end; return memo.value as Expr | null; }
  const result = sumUncached(p);
  p.memoSet(Memo.sum, start, result);
  return result;
}

function sumUncached(p: Parser): Expr | null {
  const s = p.startToken();
  let a = term(p);
  if (a === null) return null;
  for (;;) {
    const kind = p.kind();
    if (kind !== K.PLUS && kind !== K.MINUS) break;
    const m = p.mark;
    p.mark++;
    const b = term(p);
    if (b === null) { p.mark = m; break; }
    a = N.binOpNode(a, kind === K.PLUS ? N.OP_ADD : N.OP_SUB, b, s, p.lastToken());
  }
  return a;
}

function termOperator(kind: K): A.AstOperator | null {
  switch (kind) {
    case K.STAR: return N.OP_MULT;
    case K.SLASH: return N.OP_DIV;
    case K.DOUBLESLASH: return N.OP_FLOORDIV;
    case K.PERCENT: return N.OP_MOD;
    case K.AT: return N.OP_MATMULT;
    default: return null;
  }
}

function term(p: Parser): Expr | null {
  if (!p.errorPass) return termUncached(p);
  const start = p.mark;
  const memo = p.memoGet(Memo.term);
  if (memo !== undefined) { p.mark = memo.end; return memo.value as Expr | null; }
  const result = termUncached(p);
  p.memoSet(Memo.term, start, result);
  return result;
}

function termUncached(p: Parser): Expr | null {
  const s = p.startToken();
  let a = factor(p);
  if (a === null) return null;
  for (;;) {
    const op = termOperator(p.kind());
    if (op === null) break;
    const m = p.mark;
    p.mark++;
    const b = factor(p);
    if (b === null) { p.mark = m; break; }
    a = N.binOpNode(a, op, b, s, p.lastToken());
  }
  return a;
}

/** factor (memo): '+' factor | '-' factor | '~' factor | power */
export function factor(p: Parser): Expr | null {
  const start = p.mark;
  // Re-parsed at one position only in the error pass (by the invalid_* rules): memoised there only.
  const memo = p.errorPass ? p.memoGet(Memo.factor) : undefined;
  if (memo !== undefined) { p.mark = memo.end; return memo.value as Expr | null; }
  p.enter();
  let result: Expr | null = null;
  const kind = p.kind();
  if (kind === K.PLUS || kind === K.MINUS || kind === K.TILDE) {
    const s = p.startToken();
    p.mark++;
    const a = factor(p);
    if (a !== null) {
      const op = kind === K.PLUS ? N.OP_UADD : kind === K.MINUS ? N.OP_USUB : N.OP_INVERT;
      result = N.unaryOpNode(op, a, s, p.lastToken());
    } else {
      p.mark = start;
    }
  }
  if (result === null) result = power(p);
  if (p.errorPass) p.memoSet(Memo.factor, start, result);
  p.depth--;
  return result;
}

/** power: await_primary '**' factor | await_primary */
function power(p: Parser): Expr | null {
  const s = p.startToken();
  p.enter();
  const a = awaitPrimary(p);
  if (a !== null && p.kind() === K.DOUBLESTAR) {
    const m = p.mark;
    p.mark++;
    const b = factor(p);
    p.depth--;
    if (b !== null) return N.binOpNode(a, N.OP_POW, b, s, p.lastToken());
    p.mark = m;
    return a;
  }
  p.depth--;
  return a;
}

/** await_primary (memo): AWAIT primary | primary */
function awaitPrimary(p: Parser): Expr | null {
  const start = p.mark;
  // Re-parsed at one position only in the error pass (by the invalid_* rules): memoised there only.
  const memo = p.errorPass ? p.memoGet(Memo.await_primary) : undefined;
  if (memo !== undefined) { p.mark = memo.end; return memo.value as Expr | null; }
  let result: Expr | null = null;
  if (p.kind() === K.AWAIT) {
    const s = p.startToken();
    p.mark++;
    const a = primary(p);
    if (a !== null) result = N.awaitNode(a, s, p.lastToken());
    else p.mark = start;
  }
  if (result === null) result = primary(p);
  if (p.errorPass) p.memoSet(Memo.await_primary, start, result);
  return result;
}

/**
 * primary: primary '.' NAME | primary genexp | primary '(' [arguments] ')' | primary '[' slices ']' | atom
 * Left recursion as a loop: each round extends the primary with the first alternative that fits.
 */
export function primary(p: Parser): Expr | null {
  if (!p.errorPass) return primaryUncached(p);
  const start = p.mark;
  const memo = p.memoGet(Memo.primary);
  if (memo !== undefined) { p.mark = memo.end; return memo.value as Expr | null; }
  const result = primaryUncached(p);
  p.memoSet(Memo.primary, start, result);
  return result;
}

function primaryUncached(p: Parser): Expr | null {
  const s = p.startToken();
  let a = atom(p);
  if (a === null) return null;
  p.enter();
  for (;;) {
    const kind = p.kind();
    const m = p.mark;
    if (kind === K.DOT) {
      p.mark++;
      const b = p.name();
      if (b !== null) { a = N.attributeNode(a, b.text, LOAD, s, p.lastToken()); continue; }
      p.mark = m;
      break;
    } else if (kind === K.LPAR) {
      // primary genexp, whose invalid_comprehension alternative is inside genexp.
      const g = genexp(p);
      if (g !== null) { a = N.callNode(a, [g], [], s, p.lastToken()); continue; }
      p.mark = m + 1;
      const args = argumentsRule(p);
      if (p.eat(K.RPAR)) {
        a = N.callNode(a, args !== null ? args.args : [], args !== null ? args.keywords : [], s, p.lastToken());
        continue;
      }
      p.mark = m;
      break;
    } else if (kind === K.LSQB) {
      // `primary genexp` comes before the subscript, and genexp's invalid_comprehension
      // alternative accepts '[' too.
      if (p.callInvalidRules) {
        I.invalidComprehension(p);
        p.mark = m;
      }
      p.mark++;
      const b = slices(p);
      if (b !== null && p.eat(K.RSQB)) { a = N.subscriptNode(a, b, LOAD, s, p.lastToken()); continue; }
      p.mark = m;
      break;
    } else {
      // And '{': `f{x for x in y}` reaches invalid_comprehension through `primary genexp`.
      if (kind === K.LBRACE && p.callInvalidRules) {
        I.invalidComprehension(p);
        p.mark = m;
      }
      break;
    }
  }
  p.depth--;
  return a;
}

/** slices: slice !',' | ','.(slice | starred_expression)+ [','] */
export function slices(p: Parser): Expr | null {
  const start = p.mark;
  const s = p.startToken();
  const a = slice(p);
  if (a !== null && p.kind() !== K.COMMA) return a;
  p.mark = start;
  const first = sliceOrStarred(p);
  if (first === null) return null;
  const elts = [first];
  while (p.kind() === K.COMMA) {
    const m = p.mark;
    p.mark++;
    const b = sliceOrStarred(p);
    if (b === null) { p.mark = m; break; }
    elts.push(b);
  }
  p.eat(K.COMMA);
  return N.tupleNode(elts, LOAD, s, p.lastToken());
}

function sliceOrStarred(p: Parser): Expr | null {
  const a = slice(p);
  if (a !== null) return a;
  return starredExpression(p);
}

/** slice: [expression] ':' [expression] [':' [expression]] | named_expression */
function slice(p: Parser): Expr | null {
  const start = p.mark;
  const s = p.startToken();
  const lower = expression(p);
  if (p.eat(K.COLON)) {
    const upper = expression(p);
    let step: Expr | null = null;
    const m = p.mark;
    if (p.eat(K.COLON)) {
      step = expression(p);
    } else {
      p.mark = m;
    }
    return N.sliceNode(lower, upper, step, s, p.lastToken());
  }
  p.mark = start;
  return namedExpression(p);
}

/** atom */
export function atom(p: Parser): Expr | null {
  const kind = p.kind();
  const t = p.tokens[p.mark];
  switch (kind) {
    case K.NAME:
      p.mark++;
      return N.nameNode(t.text, LOAD, t, t);
    case K.TRUE: p.mark++; return N.constantNode(true, null, t, t);
    case K.FALSE: p.mark++; return N.constantNode(false, null, t, t);
    case K.NONE: p.mark++; return N.constantNode(null, null, t, t);
    case K.STRING: return strings(p);
    case K.NUMBER:
      p.mark++;
      return numberConstant(p, t);
    case K.LPAR: {
      const start = p.mark;
      const a = tuple(p) ?? group(p) ?? genexp(p);
      if (a === null) p.mark = start;
      return a;
    }
    case K.LSQB: {
      const start = p.mark;
      const a = list(p) ?? listcomp(p);
      if (a === null) p.mark = start;
      return a;
    }
    case K.LBRACE: {
      const start = p.mark;
      const a = dict(p) ?? set(p) ?? dictcomp(p) ?? setcomp(p);
      if (a === null) p.mark = start;
      return a;
    }
    case K.ELLIPSIS:
      p.mark++;
      return N.constantNode(N_ELLIPSIS, null, t, t);
    default:
      return null;
  }
}

import { ELLIPSIS as N_ELLIPSIS } from './constants';

/** strings (memo): STRING+ */
export function strings(p: Parser): Expr | null {
  const start = p.mark;
  const memo = p.memoGet(Memo.strings);
  if (memo !== undefined) { p.mark = memo.end; return memo.value as Expr | null; }
  const tokens = [];
  while (p.kind() === K.STRING) tokens.push(p.tokens[p.mark++]);
  const result = tokens.length === 0 ? null : concatenateStrings(p, tokens);
  p.memoSet(Memo.strings, start, result);
  return result;
}

/** group: '(' (yield_expr | named_expression) ')' | invalid_group */
function group(p: Parser): Expr | null {
  const start = p.mark;
  if (p.eat(K.LPAR)) {
    const a = yieldExpr(p) ?? namedExpression(p);
    if (a !== null && p.eat(K.RPAR)) return a;
  }
  p.mark = start;
  if (p.callInvalidRules) {
    I.invalidGroup(p);
    p.mark = start;
  }
  return null;
}

/** tuple: '(' [star_named_expression ',' [star_named_expressions]] ')' */
export function tuple(p: Parser): Expr | null {
  const start = p.mark;
  const s = p.expect(K.LPAR);
  if (s === null) return null;
  let elts: Expr[] = [];
  const m = p.mark;
  const y = starNamedExpression(p);
  if (y !== null && p.eat(K.COMMA)) {
    const z = starNamedExpressions(p);
    elts = z === null ? [y] : [y, ...z];
  } else {
    p.mark = m;
  }
  if (p.eat(K.RPAR)) return N.tupleNode(elts, LOAD, s, p.lastToken());
  p.mark = start;
  return null;
}

/** list: '[' [star_named_expressions] ']' */
export function list(p: Parser): Expr | null {
  const start = p.mark;
  const s = p.expect(K.LSQB);
  if (s === null) return null;
  const a = starNamedExpressions(p);
  if (p.eat(K.RSQB)) return N.listNode(a ?? [], LOAD, s, p.lastToken());
  p.mark = start;
  return null;
}

/** set: '{' star_named_expressions '}' */
function set(p: Parser): Expr | null {
  const start = p.mark;
  const s = p.expect(K.LBRACE);
  if (s === null) return null;
  const a = starNamedExpressions(p);
  if (a !== null && p.eat(K.RBRACE)) return N.setNode(a, s, p.lastToken());
  p.mark = start;
  return null;
}

interface KeyValue {
  key: Expr | null;
  value: Expr;
}

/** dict: '{' [double_starred_kvpairs] '}' | '{' invalid_double_starred_kvpairs '}' */
function dict(p: Parser): Expr | null {
  const start = p.mark;
  const s = p.expect(K.LBRACE);
  if (s === null) return null;
  const pairs = doubleStarredKvpairs(p);
  if (p.eat(K.RBRACE)) {
    const list = pairs ?? [];
    return N.dictNode(list.map((kv) => kv.key) as Expr[], list.map((kv) => kv.value), s, p.lastToken());
  }
  // pegen guards only alternatives that are a lone invalid_* rule; this one has the braces
  // around it, so CPython runs it in the first pass too (and `{1: 2, 3 4}` is reported there).
  p.mark = start + 1;
  I.invalidDoubleStarredKvpairs(p);
  p.mark = start;
  return null;
}

/** double_starred_kvpairs: ','.double_starred_kvpair+ [','] */
function doubleStarredKvpairs(p: Parser): KeyValue[] | null {
  const a = doubleStarredKvpair(p);
  if (a === null) return null;
  const pairs = [a];
  while (p.kind() === K.COMMA) {
    const m = p.mark;
    p.mark++;
    const b = doubleStarredKvpair(p);
    if (b === null) { p.mark = m; break; }
    pairs.push(b);
  }
  p.eat(K.COMMA);
  return pairs;
}

/** double_starred_kvpair: '**' bitwise_or | kvpair */
export function doubleStarredKvpair(p: Parser): KeyValue | null {
  const start = p.mark;
  if (p.eat(K.DOUBLESTAR)) {
    const a = bitwiseOr(p);
    if (a !== null) return { key: null, value: a };
    p.mark = start;
  }
  return kvpair(p);
}

/** kvpair: expression ':' expression */
function kvpair(p: Parser): KeyValue | null {
  const start = p.mark;
  const a = expression(p);
  if (a !== null && p.eat(K.COLON)) {
    const b = expression(p);
    if (b !== null) return { key: a, value: b };
  }
  p.mark = start;
  return null;
}

/** for_if_clauses: for_if_clause+ */
export function forIfClauses(p: Parser): A.Comprehension[] | null {
  const first = forIfClause(p);
  if (first === null) return null;
  const clauses = [first];
  for (;;) {
    const c = forIfClause(p);
    if (c === null) break;
    clauses.push(c);
  }
  return clauses;
}

/** for_if_clause: [ASYNC] 'for' star_targets 'in' ~ disjunction ('if' disjunction)* | invalid_for_target */
function forIfClause(p: Parser): A.Comprehension | null {
  const start = p.mark;
  const isAsync = p.kind() === K.ASYNC;
  if (isAsync) p.mark++;
  if (p.eat(K.FOR)) {
    const target = starTargets(p);
    if (target !== null && p.eat(K.IN)) {
      // The cut: once `in` is seen, no other alternative of this rule is tried.
      const iter = disjunction(p);
      if (iter === null) { p.mark = start; return null; }
      const ifs: Expr[] = [];
      for (;;) {
        const m = p.mark;
        if (!p.eat(K.IF)) break;
        const c = disjunction(p);
        if (c === null) { p.mark = m; break; }
        ifs.push(c);
      }
      return N.comprehensionNode(target, iter, ifs, isAsync ? 1 : 0);
    }
  }
  p.mark = start;
  if (p.callInvalidRules) {
    I.invalidForTarget(p);
    p.mark = start;
  }
  return null;
}

/** listcomp: '[' named_expression for_if_clauses ']' | invalid_comprehension */
function listcomp(p: Parser): Expr | null {
  const start = p.mark;
  const s = p.expect(K.LSQB);
  if (s === null) return null;
  const a = namedExpression(p);
  if (a !== null) {
    const b = forIfClauses(p);
    if (b !== null && p.eat(K.RSQB)) return N.listCompNode(a, b, s, p.lastToken());
  }
  p.mark = start;
  if (p.callInvalidRules) {
    I.invalidComprehension(p);
    p.mark = start;
  }
  return null;
}

/** setcomp: '{' named_expression for_if_clauses '}' | invalid_comprehension */
function setcomp(p: Parser): Expr | null {
  const start = p.mark;
  const s = p.expect(K.LBRACE);
  if (s === null) return null;
  const a = namedExpression(p);
  if (a !== null) {
    const b = forIfClauses(p);
    if (b !== null && p.eat(K.RBRACE)) return N.setCompNode(a, b, s, p.lastToken());
  }
  p.mark = start;
  if (p.callInvalidRules) {
    I.invalidComprehension(p);
    p.mark = start;
  }
  return null;
}

/** genexp: '(' (assignment_expression | expression !':=') for_if_clauses ')' | invalid_comprehension */
export function genexp(p: Parser): Expr | null {
  const start = p.mark;
  const s = p.expect(K.LPAR);
  if (s === null) return null;
  let a = assignmentExpression(p);
  if (a === null) {
    a = expression(p);
    if (a !== null && p.kind() === K.COLONEQUAL) a = null;
  }
  if (a !== null) {
    const b = forIfClauses(p);
    if (b !== null && p.eat(K.RPAR)) return N.generatorExpNode(a, b, s, p.lastToken());
  }
  p.mark = start;
  if (p.callInvalidRules) {
    I.invalidComprehension(p);
    p.mark = start;
  }
  return null;
}

/** dictcomp: '{' kvpair for_if_clauses '}' | invalid_dict_comprehension */
function dictcomp(p: Parser): Expr | null {
  const start = p.mark;
  const s = p.expect(K.LBRACE);
  if (s === null) return null;
  const a = kvpair(p);
  if (a !== null) {
    const b = forIfClauses(p);
    if (b !== null && p.eat(K.RBRACE)) return N.dictCompNode(a.key!, a.value, b, s, p.lastToken());
  }
  p.mark = start;
  if (p.callInvalidRules) {
    I.invalidDictComprehension(p);
    p.mark = start;
  }
  return null;
}

/** lambdef: 'lambda' [lambda_params] ':' expression */
export function lambdef(p: Parser): Expr | null {
  const start = p.mark;
  const s = p.expect(K.LAMBDA);
  if (s === null) return null;
  p.enter();
  const params = lambdaParams(p);
  if (p.eat(K.COLON)) {
    const body = expression(p);
    if (body !== null) {
      p.depth--;
      return N.lambdaNode(params ?? emptyArguments(), body, s, p.lastToken());
    }
  }
  p.depth--;
  p.mark = start;
  return null;
}

export function emptyArguments(): A.Arguments {
  return N.argumentsNode([], [], null, [], [], null, []);
}

// ---- call arguments ------------------------------------------------------------------------------

/** What `args` builds: pegen returns a dummy Call whose args/keywords the caller takes over. */
export interface CallArguments {
  args: Expr[];
  keywords: A.Keyword[];
  lineno: number;
  col_offset: number;
  end_lineno: number;
  end_col_offset: number;
}

/** arguments (memo): args [','] &')' | invalid_arguments */
export function argumentsRule(p: Parser): CallArguments | null {
  const start = p.mark;
  const memo = p.memoGet(Memo.arguments);
  if (memo !== undefined) { p.mark = memo.end; return memo.value as CallArguments | null; }
  let result: CallArguments | null = null;
  const a = args(p);
  if (a !== null) {
    p.eat(K.COMMA);
    if (p.kind() === K.RPAR) result = a;
  }
  if (result === null) {
    p.mark = start;
    if (p.callInvalidRules) {
      I.invalidArguments(p);
      p.mark = start;
    }
  }
  p.memoSet(Memo.arguments, start, result);
  return result;
}

type KeywordOrStarred = { keyword: A.Keyword; starred: null } | { keyword: null; starred: Expr };

/** args: ','.(starred_expression | (assignment_expression | expression !':=') !'=')+ [',' kwargs] | kwargs */
export function args(p: Parser): CallArguments | null {
  const start = p.mark;
  const s = p.startToken();
  const positional = positionalArguments(p) ?? [];
  if (positional.length > 0) {
    const m = p.mark;
    let kw: KeywordOrStarred[] | null = null;
    if (p.eat(K.COMMA)) {
      kw = kwargs(p);
      if (kw === null) p.mark = m;
    }
    const e = p.lastToken();
    if (kw === null) return { args: positional, keywords: [], lineno: s.lineno, col_offset: s.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
    const allArgs = positional.slice();
    const keywords: A.Keyword[] = [];
    for (const item of kw) {
      if (item.starred !== null) allArgs.push(item.starred);
      else keywords.push(item.keyword);
    }
    return { args: allArgs, keywords, lineno: s.lineno, col_offset: s.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
  }
  p.mark = start;
  const kw = kwargs(p);
  if (kw === null) return null;
  const e = p.lastToken();
  const starreds: Expr[] = [];
  const keywords: A.Keyword[] = [];
  for (const item of kw) {
    if (item.starred !== null) starreds.push(item.starred);
    else keywords.push(item.keyword);
  }
  return { args: starreds, keywords, lineno: s.lineno, col_offset: s.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
}

/** ','.(starred_expression | (assignment_expression | expression !':=') !'=')+ */
export function positionalArguments(p: Parser): Expr[] | null {
  const first = positionalArgument(p);
  if (first === null) return null;
  const items = [first];
  for (;;) {
    const m = p.mark;
    if (!p.eat(K.COMMA)) break;
    const b = positionalArgument(p);
    if (b === null) { p.mark = m; break; }
    items.push(b);
  }
  return items;
}

function positionalArgument(p: Parser): Expr | null {
  const start = p.mark;
  const starred = starredExpression(p);
  if (starred !== null) return starred;
  let a = assignmentExpression(p);
  if (a === null) {
    a = expression(p);
    if (a !== null && p.kind() === K.COLONEQUAL) a = null;
  }
  if (a !== null && p.kind() !== K.EQUAL) return a;
  p.mark = start;
  return null;
}

/** kwargs: ','.kwarg_or_starred+ ',' ','.kwarg_or_double_starred+ | ','.kwarg_or_starred+ | ','.kwarg_or_double_starred+ */
export function kwargs(p: Parser): KeywordOrStarred[] | null {
  const start = p.mark;
  const a = gatherKwargs(p, false);
  if (a !== null) {
    const m = p.mark;
    if (p.eat(K.COMMA)) {
      const b = gatherKwargs(p, true);
      if (b !== null) return a.concat(b);
    }
    p.mark = m;
    return a;
  }
  p.mark = start;
  return gatherKwargs(p, true);
}

function gatherKwargs(p: Parser, doubleStarred: boolean): KeywordOrStarred[] | null {
  const first = doubleStarred ? kwargOrDoubleStarred(p) : kwargOrStarred(p);
  if (first === null) return null;
  const items = [first];
  while (p.kind() === K.COMMA) {
    const m = p.mark;
    p.mark++;
    const b = doubleStarred ? kwargOrDoubleStarred(p) : kwargOrStarred(p);
    if (b === null) { p.mark = m; break; }
    items.push(b);
  }
  return items;
}

function namedKeyword(p: Parser): A.Keyword | null {
  const start = p.mark;
  if (p.kind() !== K.NAME || p.kindAt(start + 1) !== K.EQUAL) return null;
  const a = p.tokens[start];
  p.mark = start + 2;
  const b = expression(p);
  if (b === null) { p.mark = start; return null; }
  return N.keywordNode(a.text, b, a, p.lastToken());
}

/** kwarg_or_starred: invalid_kwarg | NAME '=' expression | starred_expression */
function kwargOrStarred(p: Parser): KeywordOrStarred | null {
  const start = p.mark;
  if (p.callInvalidRules) {
    I.invalidKwarg(p);
    p.mark = start;
  }
  const k = namedKeyword(p);
  if (k !== null) return { keyword: k, starred: null };
  const st = starredExpression(p);
  if (st !== null) return { keyword: null, starred: st };
  return null;
}

/** kwarg_or_double_starred: invalid_kwarg | NAME '=' expression | '**' expression */
function kwargOrDoubleStarred(p: Parser): KeywordOrStarred | null {
  const start = p.mark;
  if (p.callInvalidRules) {
    I.invalidKwarg(p);
    p.mark = start;
  }
  const k = namedKeyword(p);
  if (k !== null) return { keyword: k, starred: null };
  const s = p.expect(K.DOUBLESTAR);
  if (s !== null) {
    const a = expression(p);
    if (a !== null) return { keyword: N.keywordNode(null, a, s, p.lastToken()), starred: null };
    p.mark = start;
  }
  return null;
}

/** starred_expression: '*' expression */
export function starredExpression(p: Parser): Expr | null {
  const start = p.mark;
  const s = p.expect(K.STAR);
  if (s === null) return null;
  const a = expression(p);
  if (a === null) { p.mark = start; return null; }
  return N.starredNode(a, LOAD, s, p.lastToken());
}
