// Assignment, for-loop and del targets (python.gram "ASSIGNMENT TARGETS"). A target is parsed
// with its Store/Del context directly; `t_primary` is the Load-context prefix of a target chain
// (`a.b[c].d` up to the last link), which must be followed by one of '(' '[' '.'.

import type * as A from './ast';
import { K, Memo, Parser } from './parser';
import * as N from './parseNodes';
import { LOAD, STORE, DEL } from './parseNodes';
import { argumentsRule, atom, genexp, slices } from './parseExpressions';
import { invalidComprehension } from './parseInvalid';

type Expr = A.AstExpr;

/** _PyPegen_set_expr_context: a copy of `e` with the context set, down through tuples, lists and starreds. */
export function setExprContext(e: Expr, ctx: A.AstExprContext): Expr {
  switch (e.nodeType) {
    case 'Name': return N.nameNode(e.id, ctx, e, e);
    case 'Tuple': return N.tupleNode(e.elts.map((x) => setExprContext(x, ctx)), ctx, e, e);
    case 'List': return N.listNode(e.elts.map((x) => setExprContext(x, ctx)), ctx, e, e);
    case 'Subscript': return N.subscriptNode(e.value, e.slice, ctx, e, e);
    case 'Attribute': return N.attributeNode(e.value, e.attr, ctx, e, e);
    case 'Starred': return N.starredNode(setExprContext(e.value, ctx), ctx, e, e);
    default: return e;
  }
}

function isTLookahead(kind: K): boolean {
  return kind === K.LPAR || kind === K.LSQB || kind === K.DOT;
}

/** star_targets: star_target !',' | star_target (',' star_target)* [','] */
export function starTargets(p: Parser): Expr | null {
  const s = p.startToken();
  const a = starTarget(p);
  if (a === null) return null;
  if (p.kind() !== K.COMMA) return a;
  const elts = [a];
  for (;;) {
    const m = p.mark;
    if (!p.eat(K.COMMA)) break;
    const b = starTarget(p);
    if (b === null) { p.mark = m; break; }
    elts.push(b);
  }
  p.eat(K.COMMA);
  return N.tupleNode(elts, STORE, s, p.lastToken());
}

/** star_targets_list_seq: ','.star_target+ [','] */
function starTargetsListSeq(p: Parser): Expr[] | null {
  const a = starTarget(p);
  if (a === null) return null;
  const elts = [a];
  for (;;) {
    const m = p.mark;
    if (!p.eat(K.COMMA)) break;
    const b = starTarget(p);
    if (b === null) { p.mark = m; break; }
    elts.push(b);
  }
  p.eat(K.COMMA);
  return elts;
}

/** star_targets_tuple_seq: star_target (',' star_target)+ [','] | star_target ',' */
function starTargetsTupleSeq(p: Parser): Expr[] | null {
  const start = p.mark;
  const a = starTarget(p);
  if (a === null) return null;
  const elts = [a];
  for (;;) {
    const m = p.mark;
    if (!p.eat(K.COMMA)) break;
    const b = starTarget(p);
    if (b === null) { p.mark = m; break; }
    elts.push(b);
  }
  if (elts.length > 1) {
    p.eat(K.COMMA);
    return elts;
  }
  if (p.eat(K.COMMA)) return elts;
  p.mark = start;
  return null;
}

/** star_target (memo): '*' (!'*' star_target) | target_with_star_atom */
export function starTarget(p: Parser): Expr | null {
  const start = p.mark;
  const memo = p.memoGet(Memo.star_target);
  if (memo !== undefined) { p.mark = memo.end; return memo.value as Expr | null; }
  p.enter();
  let result: Expr | null = null;
  const s = p.startToken();
  if (p.eat(K.STAR)) {
    if (p.kind() !== K.STAR) {
      const a = starTarget(p);
      if (a !== null) result = N.starredNode(setExprContext(a, STORE), STORE, s, p.lastToken());
    }
    if (result === null) p.mark = start;
  }
  if (result === null) result = targetWithStarAtom(p);
  p.memoSet(Memo.star_target, start, result);
  p.depth--;
  return result;
}

/**
 * The `t_primary '.' NAME !t_lookahead | t_primary '[' slices ']' !t_lookahead` alternatives
 * shared by target_with_star_atom, single_subscript_attribute_target and del_target.
 */
function attributeOrSubscriptTarget(p: Parser, ctx: A.AstExprContext): Expr | null {
  const start = p.mark;
  const s = p.startToken();
  const a = tPrimary(p);
  if (a === null) return null;
  const afterPrimary = p.mark;
  if (p.eat(K.DOT)) {
    const b = p.name();
    if (b !== null && !isTLookahead(p.kind())) return N.attributeNode(a, b.text, ctx, s, p.lastToken());
  }
  p.mark = afterPrimary;
  if (p.eat(K.LSQB)) {
    const b = slices(p);
    if (b !== null && p.eat(K.RSQB) && !isTLookahead(p.kind())) return N.subscriptNode(a, b, ctx, s, p.lastToken());
  }
  p.mark = start;
  return null;
}

/** target_with_star_atom (memo): t_primary '.' NAME !t_lookahead | t_primary '[' slices ']' !t_lookahead | star_atom */
function targetWithStarAtom(p: Parser): Expr | null {
  const start = p.mark;
  const memo = p.memoGet(Memo.target_with_star_atom);
  if (memo !== undefined) { p.mark = memo.end; return memo.value as Expr | null; }
  let result = attributeOrSubscriptTarget(p, STORE);
  if (result === null) result = starAtom(p);
  p.memoSet(Memo.target_with_star_atom, start, result);
  return result;
}

/** star_atom: NAME | '(' target_with_star_atom ')' | '(' [star_targets_tuple_seq] ')' | '[' [star_targets_list_seq] ']' */
function starAtom(p: Parser): Expr | null {
  const start = p.mark;
  const kind = p.kind();
  if (kind === K.NAME) {
    const t = p.tokens[p.mark++];
    return N.nameNode(t.text, STORE, t, t);
  }
  if (kind === K.LPAR) {
    const s = p.tokens[p.mark++];
    const a = targetWithStarAtom(p);
    if (a !== null && p.eat(K.RPAR)) return setExprContext(a, STORE);
    p.mark = start + 1;
    const elts = starTargetsTupleSeq(p);
    if (p.eat(K.RPAR)) return N.tupleNode(elts ?? [], STORE, s, p.lastToken());
    p.mark = start;
    return null;
  }
  if (kind === K.LSQB) {
    const s = p.tokens[p.mark++];
    const elts = starTargetsListSeq(p);
    if (p.eat(K.RSQB)) return N.listNode(elts ?? [], STORE, s, p.lastToken());
    p.mark = start;
    return null;
  }
  return null;
}

/** single_target: single_subscript_attribute_target | NAME | '(' single_target ')' */
export function singleTarget(p: Parser): Expr | null {
  const start = p.mark;
  const a = singleSubscriptAttributeTarget(p);
  if (a !== null) return a;
  const kind = p.kind();
  if (kind === K.NAME) {
    const t = p.tokens[p.mark++];
    return N.nameNode(t.text, STORE, t, t);
  }
  if (kind === K.LPAR) {
    p.mark++;
    const b = singleTarget(p);
    if (b !== null && p.eat(K.RPAR)) return b;
    p.mark = start;
  }
  return null;
}

/** single_subscript_attribute_target */
export function singleSubscriptAttributeTarget(p: Parser): Expr | null {
  return attributeOrSubscriptTarget(p, STORE);
}

/**
 * t_primary (memo, left-recursive): atom &t_lookahead, extended by '.' NAME, '[' slices ']',
 * genexp or '(' [arguments] ')' as long as each extension is itself followed by t_lookahead.
 */
export function tPrimary(p: Parser): Expr | null {
  const start = p.mark;
  const memo = p.memoGet(Memo.t_primary);
  if (memo !== undefined) { p.mark = memo.end; return memo.value as Expr | null; }
  p.enter();
  const s = p.startToken();
  let a = atom(p);
  if (a !== null && !isTLookahead(p.kind())) a = null;
  if (a !== null) {
    for (;;) {
      const m = p.mark;
      const next = tPrimaryStep(p, a, s);
      if (next === null) { p.mark = m; break; }
      a = next;
    }
  } else {
    p.mark = start;
  }
  p.memoSet(Memo.t_primary, start, a);
  p.depth--;
  return a;
}

function tPrimaryStep(p: Parser, a: Expr, s: A.Located): Expr | null {
  const m = p.mark;
  const kind = p.kind();
  if (kind === K.DOT) {
    p.mark++;
    const b = p.name();
    if (b !== null && isTLookahead(p.kind())) return N.attributeNode(a, b.text, LOAD, s, p.lastToken());
    p.mark = m;
    return null;
  }
  if (kind === K.LSQB) {
    p.mark++;
    const b = slices(p);
    if (b !== null && p.eat(K.RSQB) && isTLookahead(p.kind())) return N.subscriptNode(a, b, LOAD, s, p.lastToken());
    p.mark = m;
    // t_primary genexp: genexp's invalid_comprehension alternative accepts '[' and '{'.
    if (p.callInvalidRules) {
      invalidComprehension(p);
      p.mark = m;
    }
    return null;
  }
  if (kind === K.LBRACE && p.callInvalidRules) {
    invalidComprehension(p);
    p.mark = m;
    return null;
  }
  if (kind === K.LPAR) {
    const g = genexp(p);
    if (g !== null && isTLookahead(p.kind())) return N.callNode(a, [g], [], s, p.lastToken());
    p.mark = m + 1;
    const args = argumentsRule(p);
    if (p.eat(K.RPAR) && isTLookahead(p.kind())) {
      return N.callNode(a, args !== null ? args.args : [], args !== null ? args.keywords : [], s, p.lastToken());
    }
    p.mark = m;
    return null;
  }
  return null;
}

/** del_targets: ','.del_target+ [','] */
export function delTargets(p: Parser): Expr[] | null {
  const a = delTarget(p);
  if (a === null) return null;
  const elts = [a];
  for (;;) {
    const m = p.mark;
    if (!p.eat(K.COMMA)) break;
    const b = delTarget(p);
    if (b === null) { p.mark = m; break; }
    elts.push(b);
  }
  p.eat(K.COMMA);
  return elts;
}

/** del_target (memo): t_primary '.' NAME !t_lookahead | t_primary '[' slices ']' !t_lookahead | del_t_atom */
function delTarget(p: Parser): Expr | null {
  const start = p.mark;
  const memo = p.memoGet(Memo.del_target);
  if (memo !== undefined) { p.mark = memo.end; return memo.value as Expr | null; }
  p.enter();
  let result = attributeOrSubscriptTarget(p, DEL);
  if (result === null) result = delTAtom(p);
  p.memoSet(Memo.del_target, start, result);
  p.depth--;
  return result;
}

/** del_t_atom: NAME | '(' del_target ')' | '(' [del_targets] ')' | '[' [del_targets] ']' */
function delTAtom(p: Parser): Expr | null {
  const start = p.mark;
  const kind = p.kind();
  if (kind === K.NAME) {
    const t = p.tokens[p.mark++];
    return N.nameNode(t.text, DEL, t, t);
  }
  if (kind === K.LPAR) {
    const s = p.tokens[p.mark++];
    const a = delTarget(p);
    if (a !== null && p.eat(K.RPAR)) return setExprContext(a, DEL);
    p.mark = start + 1;
    const elts = delTargets(p);
    if (p.eat(K.RPAR)) return N.tupleNode(elts ?? [], DEL, s, p.lastToken());
    p.mark = start;
    return null;
  }
  if (kind === K.LSQB) {
    const s = p.tokens[p.mark++];
    const elts = delTargets(p);
    if (p.eat(K.RSQB)) return N.listNode(elts ?? [], DEL, s, p.lastToken());
    p.mark = start;
    return null;
  }
  return null;
}
