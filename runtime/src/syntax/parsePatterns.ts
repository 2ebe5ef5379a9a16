// `case` patterns (python.gram "Match statement", PEP 634). `match`, `case` and `_` are soft
// keywords: they arrive as NAME tokens and are recognised here by their text only where the
// grammar asks for them, so they remain ordinary names everywhere else.

import type * as A from './ast';
import { K, Memo, Parser } from './parser';
import * as N from './parseNodes';
import { LOAD, STORE } from './parseNodes';
import { strings } from './parseExpressions';
import { numberConstant } from './parseLiterals';
import * as I from './parseInvalid';

type Expr = A.AstExpr;
type Pattern = A.AstPattern;

/** patterns: open_sequence_pattern | pattern */
export function patterns(p: Parser): Pattern | null {
  const start = p.mark;
  const s = p.startToken();
  const seq = openSequencePattern(p);
  if (seq !== null) return N.matchSequenceNode(seq, s, p.lastToken());
  p.mark = start;
  return pattern(p);
}

/** pattern: as_pattern | or_pattern */
export function pattern(p: Parser): Pattern | null {
  return asPattern(p) ?? orPattern(p);
}

/** as_pattern: or_pattern 'as' pattern_capture_target | invalid_as_pattern */
function asPattern(p: Parser): Pattern | null {
  const start = p.mark;
  const s = p.startToken();
  const a = orPattern(p);
  if (a !== null && p.eat(K.AS)) {
    const target = patternCaptureTarget(p);
    if (target !== null) return N.matchAsNode(a, target.id, s, p.lastToken());
  }
  p.mark = start;
  if (p.callInvalidRules) {
    I.invalidAsPattern(p);
    p.mark = start;
  }
  return null;
}

/** or_pattern: '|'.closed_pattern+ */
export function orPattern(p: Parser): Pattern | null {
  const s = p.startToken();
  const first = closedPattern(p);
  if (first === null) return null;
  const alternatives = [first];
  for (;;) {
    const m = p.mark;
    if (!p.eat(K.VBAR)) break;
    const b = closedPattern(p);
    if (b === null) { p.mark = m; break; }
    alternatives.push(b);
  }
  return alternatives.length === 1 ? first : N.matchOrNode(alternatives, s, p.lastToken());
}

/** closed_pattern (memo) */
function closedPattern(p: Parser): Pattern | null {
  const start = p.mark;
  const memo = p.memoGet(Memo.closed_pattern);
  if (memo !== undefined) { p.mark = memo.end; return memo.value as Pattern | null; }
  p.enter();
  const result = literalPattern(p) ?? capturePattern(p) ?? wildcardPattern(p) ?? valuePattern(p)
    ?? groupPattern(p) ?? sequencePattern(p) ?? mappingPattern(p) ?? classPattern(p);
  if (result === null) p.mark = start;
  p.memoSet(Memo.closed_pattern, start, result);
  p.depth--;
  return result;
}

/** literal_pattern */
function literalPattern(p: Parser): Pattern | null {
  const start = p.mark;
  const s = p.startToken();
  const kind = p.kind();
  if (kind === K.NONE || kind === K.TRUE || kind === K.FALSE) {
    p.mark++;
    return N.matchSingletonNode(kind === K.NONE ? null : kind === K.TRUE, s, s);
  }
  const value = literalValue(p);
  if (value !== null) return N.matchValueNode(value, s, p.lastToken());
  p.mark = start;
  return null;
}

/** The shared alternatives of literal_pattern and literal_expr: signed_number !('+'|'-') | complex_number | strings */
function literalValue(p: Parser): Expr | null {
  const start = p.mark;
  const n = signedNumber(p);
  if (n !== null && p.kind() !== K.PLUS && p.kind() !== K.MINUS) return n;
  p.mark = start;
  const c = complexNumber(p);
  if (c !== null) return c;
  p.mark = start;
  if (p.kind() === K.STRING) return strings(p);
  return null;
}

/** literal_expr */
function literalExpr(p: Parser): Expr | null {
  const kind = p.kind();
  if (kind === K.NONE || kind === K.TRUE || kind === K.FALSE) {
    const t = p.tokens[p.mark++];
    return N.constantNode(kind === K.NONE ? null : kind === K.TRUE, null, t, t);
  }
  return literalValue(p);
}

/** complex_number: signed_real_number ('+' | '-') imaginary_number */
function complexNumber(p: Parser): Expr | null {
  const start = p.mark;
  const s = p.startToken();
  const real = signedRealNumber(p);
  if (real === null) return null;
  const kind = p.kind();
  if (kind === K.PLUS || kind === K.MINUS) {
    p.mark++;
    const t = p.expect(K.NUMBER);
    if (t !== null) {
      const imag = numberConstant(p, t);
      if (!isImaginary(imag)) p.raiseAt(imag, 'imaginary number required in complex literal');
      return N.binOpNode(real, kind === K.PLUS ? N.OP_ADD : N.OP_SUB, imag, s, p.lastToken());
    }
  }
  p.mark = start;
  return null;
}

function isImaginary(e: Expr): boolean {
  return e.nodeType === 'Constant' && typeof e.value === 'object' && e.value !== null && 'imag' in e.value;
}

/** signed_number: NUMBER | '-' NUMBER */
function signedNumber(p: Parser): Expr | null {
  const start = p.mark;
  const s = p.startToken();
  const negative = p.eat(K.MINUS);
  const t = p.expect(K.NUMBER);
  if (t === null) { p.mark = start; return null; }
  const n = numberConstant(p, t);
  return negative ? N.unaryOpNode(N.OP_USUB, n, s, t) : n;
}

/** signed_real_number: real_number | '-' real_number */
function signedRealNumber(p: Parser): Expr | null {
  const start = p.mark;
  const s = p.startToken();
  const negative = p.eat(K.MINUS);
  const t = p.expect(K.NUMBER);
  if (t === null) { p.mark = start; return null; }
  const n = numberConstant(p, t);
  if (isImaginary(n)) p.raiseAt(n, 'real number required in complex literal');
  return negative ? N.unaryOpNode(N.OP_USUB, n, s, t) : n;
}

/** capture_pattern: pattern_capture_target */
function capturePattern(p: Parser): Pattern | null {
  const target = patternCaptureTarget(p);
  return target === null ? null : N.matchAsNode(null, target.id, target, target);
}

function isNameFollower(kind: K): boolean {
  return kind === K.DOT || kind === K.LPAR || kind === K.EQUAL;
}

/** pattern_capture_target: !"_" NAME !('.' | '(' | '=') */
function patternCaptureTarget(p: Parser): A.Name | null {
  if (p.kind() !== K.NAME) return null;
  const t = p.tokens[p.mark];
  if (t.text === '_' || isNameFollower(p.kindAt(p.mark + 1))) return null;
  p.mark++;
  return N.nameNode(t.text, STORE, t, t);
}

/** wildcard_pattern: "_" */
function wildcardPattern(p: Parser): Pattern | null {
  const t = p.softKeyword('_');
  return t === null ? null : N.matchAsNode(null, null, t, t);
}

/** value_pattern: attr !('.' | '(' | '=') */
function valuePattern(p: Parser): Pattern | null {
  const start = p.mark;
  const s = p.startToken();
  const a = attr(p);
  if (a !== null && !isNameFollower(p.kind())) return N.matchValueNode(a, s, p.lastToken());
  p.mark = start;
  return null;
}

/** attr: name_or_attr '.' NAME (at least one dot) */
function attr(p: Parser): Expr | null {
  const start = p.mark;
  const a = nameOrAttr(p);
  if (a !== null && a.nodeType === 'Attribute') return a;
  p.mark = start;
  return null;
}

/** name_or_attr: attr | NAME */
function nameOrAttr(p: Parser): Expr | null {
  const first = p.name();
  if (first === null) return null;
  let a: Expr = N.nameNode(first.text, LOAD, first, first);
  for (;;) {
    const m = p.mark;
    if (!p.eat(K.DOT)) break;
    const b = p.name();
    if (b === null) { p.mark = m; break; }
    a = N.attributeNode(a, b.text, LOAD, first, b);
  }
  return a;
}

/** group_pattern: '(' pattern ')' */
function groupPattern(p: Parser): Pattern | null {
  const start = p.mark;
  if (!p.eat(K.LPAR)) return null;
  const a = pattern(p);
  if (a !== null && p.eat(K.RPAR)) return a;
  p.mark = start;
  return null;
}

/** sequence_pattern: '[' maybe_sequence_pattern? ']' | '(' open_sequence_pattern? ')' */
function sequencePattern(p: Parser): Pattern | null {
  const start = p.mark;
  const s = p.startToken();
  if (p.eat(K.LSQB)) {
    const items = maybeSequencePattern(p);
    if (p.eat(K.RSQB)) return N.matchSequenceNode(items ?? [], s, p.lastToken());
    p.mark = start;
    return null;
  }
  if (p.eat(K.LPAR)) {
    const items = openSequencePattern(p);
    if (p.eat(K.RPAR)) return N.matchSequenceNode(items ?? [], s, p.lastToken());
    p.mark = start;
  }
  return null;
}

/** open_sequence_pattern: maybe_star_pattern ',' maybe_sequence_pattern? */
function openSequencePattern(p: Parser): Pattern[] | null {
  const start = p.mark;
  const first = maybeStarPattern(p);
  if (first === null || !p.eat(K.COMMA)) { p.mark = start; return null; }
  const rest = maybeSequencePattern(p);
  return rest === null ? [first] : [first, ...rest];
}

/** maybe_sequence_pattern: ','.maybe_star_pattern+ ','? */
function maybeSequencePattern(p: Parser): Pattern[] | null {
  const first = maybeStarPattern(p);
  if (first === null) return null;
  const items = [first];
  for (;;) {
    const m = p.mark;
    if (!p.eat(K.COMMA)) break;
    const b = maybeStarPattern(p);
    if (b === null) { p.mark = m; break; }
    items.push(b);
  }
  p.eat(K.COMMA);
  return items;
}

/** maybe_star_pattern: star_pattern | pattern */
function maybeStarPattern(p: Parser): Pattern | null {
  return starPattern(p) ?? pattern(p);
}

/** star_pattern (memo): '*' pattern_capture_target | '*' wildcard_pattern */
function starPattern(p: Parser): Pattern | null {
  const start = p.mark;
  const memo = p.memoGet(Memo.star_pattern);
  if (memo !== undefined) { p.mark = memo.end; return memo.value as Pattern | null; }
  let result: Pattern | null = null;
  const s = p.startToken();
  if (p.eat(K.STAR)) {
    const target = patternCaptureTarget(p);
    if (target !== null) result = N.matchStarNode(target.id, s, p.lastToken());
    else if (p.softKeyword('_') !== null) result = N.matchStarNode(null, s, p.lastToken());
  }
  if (result === null) p.mark = start;
  p.memoSet(Memo.star_pattern, start, result);
  return result;
}

interface KeyPattern {
  key: Expr;
  pattern: Pattern;
}

/** mapping_pattern */
function mappingPattern(p: Parser): Pattern | null {
  const start = p.mark;
  const s = p.expect(K.LBRACE);
  if (s === null) return null;
  // '{' '}'
  if (p.eat(K.RBRACE)) return N.matchMappingNode([], [], null, s, p.lastToken());
  // '{' double_star_pattern ','? '}'
  const afterBrace = p.mark;
  const rest = doubleStarPattern(p);
  if (rest !== null) {
    p.eat(K.COMMA);
    if (p.eat(K.RBRACE)) return N.matchMappingNode([], [], rest, s, p.lastToken());
  }
  p.mark = afterBrace;
  const items = itemsPattern(p);
  if (items !== null) {
    const afterItems = p.mark;
    // '{' items_pattern ',' double_star_pattern ','? '}'
    if (p.eat(K.COMMA)) {
      const r = doubleStarPattern(p);
      if (r !== null) {
        p.eat(K.COMMA);
        if (p.eat(K.RBRACE)) return N.matchMappingNode(items.map((x) => x.key), items.map((x) => x.pattern), r, s, p.lastToken());
      }
    }
    // '{' items_pattern ','? '}'
    p.mark = afterItems;
    p.eat(K.COMMA);
    if (p.eat(K.RBRACE)) return N.matchMappingNode(items.map((x) => x.key), items.map((x) => x.pattern), null, s, p.lastToken());
  }
  p.mark = start;
  return null;
}

/** items_pattern: ','.key_value_pattern+ */
function itemsPattern(p: Parser): KeyPattern[] | null {
  const first = keyValuePattern(p);
  if (first === null) return null;
  const items = [first];
  for (;;) {
    const m = p.mark;
    if (!p.eat(K.COMMA)) break;
    const b = keyValuePattern(p);
    if (b === null) { p.mark = m; break; }
    items.push(b);
  }
  return items;
}

/** key_value_pattern: (literal_expr | attr) ':' pattern */
function keyValuePattern(p: Parser): KeyPattern | null {
  const start = p.mark;
  let key = literalExpr(p);
  if (key === null) { p.mark = start; key = attr(p); }
  if (key !== null && p.eat(K.COLON)) {
    const value = pattern(p);
    if (value !== null) return { key, pattern: value };
  }
  p.mark = start;
  return null;
}

/** double_star_pattern: '**' pattern_capture_target */
function doubleStarPattern(p: Parser): string | null {
  const start = p.mark;
  if (!p.eat(K.DOUBLESTAR)) return null;
  const target = patternCaptureTarget(p);
  if (target === null) { p.mark = start; return null; }
  return target.id;
}

/** class_pattern */
function classPattern(p: Parser): Pattern | null {
  const start = p.mark;
  const s = p.startToken();
  const cls = nameOrAttr(p);
  if (cls === null) return null;
  if (!p.eat(K.LPAR)) { p.mark = start; return null; }
  const afterParen = p.mark;
  // name_or_attr '(' ')'
  if (p.eat(K.RPAR)) return N.matchClassNode(cls, [], [], [], s, p.lastToken());
  // name_or_attr '(' positional_patterns ','? ')'
  const positional = positionalPatterns(p);
  if (positional !== null) {
    const afterPositional = p.mark;
    p.eat(K.COMMA);
    if (p.eat(K.RPAR)) return N.matchClassNode(cls, positional, [], [], s, p.lastToken());
    p.mark = afterPositional;
  }
  // name_or_attr '(' keyword_patterns ','? ')'
  p.mark = afterParen;
  const keywords = keywordPatterns(p);
  if (keywords !== null) {
    p.eat(K.COMMA);
    if (p.eat(K.RPAR)) return N.matchClassNode(cls, [], keywords.map((k) => k.name), keywords.map((k) => k.pattern), s, p.lastToken());
  }
  // name_or_attr '(' positional_patterns ',' keyword_patterns ','? ')'
  p.mark = afterParen;
  if (positional !== null) {
    positionalPatterns(p);
    if (p.eat(K.COMMA)) {
      const kw = keywordPatterns(p);
      if (kw !== null) {
        p.eat(K.COMMA);
        if (p.eat(K.RPAR)) return N.matchClassNode(cls, positional, kw.map((k) => k.name), kw.map((k) => k.pattern), s, p.lastToken());
      }
    }
  }
  p.mark = start;
  if (p.callInvalidRules) {
    I.invalidClassPattern(p);
    p.mark = start;
  }
  return null;
}

/** positional_patterns: ','.pattern+ */
export function positionalPatterns(p: Parser): Pattern[] | null {
  const first = pattern(p);
  if (first === null) return null;
  const items = [first];
  for (;;) {
    const m = p.mark;
    if (!p.eat(K.COMMA)) break;
    const b = pattern(p);
    if (b === null) { p.mark = m; break; }
    items.push(b);
  }
  return items;
}

/** keyword_patterns: ','.keyword_pattern+ */
export function keywordPatterns(p: Parser): { name: string; pattern: Pattern }[] | null {
  const first = keywordPattern(p);
  if (first === null) return null;
  const items = [first];
  for (;;) {
    const m = p.mark;
    if (!p.eat(K.COMMA)) break;
    const b = keywordPattern(p);
    if (b === null) { p.mark = m; break; }
    items.push(b);
  }
  return items;
}

/** keyword_pattern: NAME '=' pattern */
function keywordPattern(p: Parser): { name: string; pattern: Pattern } | null {
  const start = p.mark;
  const name = p.name();
  if (name === null || !p.eat(K.EQUAL)) { p.mark = start; return null; }
  const value = pattern(p);
  if (value === null) { p.mark = start; return null; }
  return { name: name.text, pattern: value };
}

export { nameOrAttr };
