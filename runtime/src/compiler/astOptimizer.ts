// The AST optimiser (CPython 3.11's Python/ast_opt.c), run on the tree before code generation:
// folds operators on constants (with CPython's size limits so `'x' * 10**9` is left alone),
// tuples of constants, constant subscripts, `not` over `is`/`in` comparisons, literal lists and
// sets iterated by `for` / comprehensions / `in` tests into tuples and frozensets, and
// `__debug__`. Folded nodes keep the position of the node they replace, as in CPython.
// Anything that would raise at run time (1/0, bad types) is left unfolded.

import type * as ast from '../syntax/ast';
import type { AstExpr, AstStmt } from '../syntax/ast';
import { BytesValue, ComplexValue } from '../syntax/constants';
import { ConstFrozenset, ConstTuple } from './codeObject';
import type { CodeConstant } from './codeObject';
import { isTruthyConstant } from './constFold';
import { makeFrozensetConstant } from './frozensetConstant';
import { COMPILER_RECURSION_LIMIT } from '../syntax/errors';
import { CompilationRecursionError } from '../symtable/errors';
import * as libm from '../modules/random/libm';

const MAX_INT_SIZE = 128;
const MAX_COLLECTION_SIZE = 256;
const MAX_STR_SIZE = 4096;
const MAX_TOTAL_ITEMS = 1024;

/** Sentinel for "cannot fold" (CPython: the operation returned NULL). */
const NO = Symbol('no-fold');
type Folded = CodeConstant | typeof NO;

type AnyNode = { nodeType: string; [key: string]: unknown };

function makeConst(node: AstExpr, value: Folded): void {
  if (value === NO) return;
  const n = node as unknown as AnyNode;
  for (const key of Object.keys(n)) {
    if (key !== 'lineno' && key !== 'col_offset' && key !== 'end_lineno' && key !== 'end_col_offset') delete n[key];
  }
  n.nodeType = 'Constant';
  n.value = value;
  n.kind = null;
}

function numBits(x: bigint): number {
  if (x < 0n) x = -x;
  return x === 0n ? 0 : x.toString(2).length;
}

const isInt = (v: unknown): v is bigint | boolean => typeof v === 'bigint' || typeof v === 'boolean';
const asInt = (v: bigint | boolean): bigint => (typeof v === 'boolean' ? (v ? 1n : 0n) : v);
const isFloat = (v: unknown): v is number => typeof v === 'number';
const isNumber = (v: unknown) => isInt(v) || isFloat(v);
const toFloat = (v: bigint | boolean | number): number => (typeof v === 'number' ? v : Number(asInt(v)));

function floorDivBig(a: bigint, b: bigint): bigint {
  const q = a / b;
  return (a % b !== 0n && (a < 0n) !== (b < 0n)) ? q - 1n : q;
}

function floatDivmod(vx: number, wx: number): [number, number] | typeof NO {
  if (wx === 0) return NO;
  let mod = vx % wx;
  let div = (vx - mod) / wx;
  if (mod) {
    if ((wx < 0) !== (mod < 0)) {
      mod += wx;
      div -= 1;
    }
  } else {
    mod = wx < 0 ? -0 : 0;
  }
  let floordiv;
  if (div) {
    floordiv = Math.floor(div);
    if (div - floordiv > 0.5) floordiv += 1;
  } else {
    floordiv = vx / wx < 0 ? -0 : 0;
  }
  return [floordiv, mod];
}

function intTrueDivide(a: bigint, b: bigint): Folded {
  if (b === 0n) return NO;
  const limit = 2n ** 53n;
  if ((a < 0n ? -a : a) <= limit && (b < 0n ? -b : b) <= limit) return Number(a) / Number(b);
  return NO;
}

function complexOf(v: unknown): ComplexValue | null {
  if (v instanceof ComplexValue) return v;
  if (isNumber(v)) return new ComplexValue(toFloat(v as number), 0);
  return null;
}

function checkComplexity(v: CodeConstant, limit: number): number {
  if (v instanceof ConstTuple || v instanceof ConstFrozenset) {
    limit -= v.items.length;
    for (const item of v.items) {
      if (limit < 0) break;
      limit = checkComplexity(item, limit);
    }
  }
  return limit;
}

function binop(opName: string, l: CodeConstant, r: CodeConstant): Folded {
  // Numbers.
  if (isNumber(l) && isNumber(r) && opName !== 'MatMult') {
    if (isInt(l) && isInt(r)) {
      const a = asInt(l);
      const b = asInt(r);
      switch (opName) {
        case 'Add': return a + b;
        case 'Sub': return a - b;
        case 'Mult': return numBits(a) && numBits(b) && numBits(a) + numBits(b) > MAX_INT_SIZE ? NO : a * b;
        case 'Div': return intTrueDivide(a, b);
        case 'FloorDiv': return b === 0n ? NO : floorDivBig(a, b);
        case 'Mod': return b === 0n ? NO : a - b * floorDivBig(a, b);
        case 'Pow':
          if (b < 0n) {
            if (a === 0n) return NO;
            const value = libm.pow(Number(a), Number(b));
            return Number.isFinite(value) ? value : NO;
          }
          if (a !== 0n && b > 0n && numBits(a) > MAX_INT_SIZE / Number(b)) return NO;
          return a ** b;
        case 'LShift':
          if (b < 0n) return NO;
          if (a !== 0n && b !== 0n && (b > BigInt(MAX_INT_SIZE) || numBits(a) > MAX_INT_SIZE - Number(b))) return NO;
          return a << b;
        case 'RShift': return b < 0n ? NO : a >> b;
        case 'BitOr': return typeof l === 'boolean' && typeof r === 'boolean' ? l || r : a | b;
        case 'BitXor': return typeof l === 'boolean' && typeof r === 'boolean' ? l !== r : a ^ b;
        case 'BitAnd': return typeof l === 'boolean' && typeof r === 'boolean' ? l && r : a & b;
      }
      return NO;
    }
    const a = toFloat(l as number);
    const b = toFloat(r as number);
    switch (opName) {
      case 'Add': return a + b;
      case 'Sub': return a - b;
      case 'Mult': return a * b;
      case 'Div': return b === 0 ? NO : a / b;
      case 'FloorDiv': { const dm = floatDivmod(a, b); return dm === NO ? NO : dm[0]; }
      case 'Mod': { const dm = floatDivmod(a, b); return dm === NO ? NO : dm[1]; }
      case 'Pow': {
        if (a === 0 && b < 0) return NO;
        if (a < 0 && !Number.isInteger(b)) return NO;
        // C's pow(), correctly rounded as glibc's is (JS's ** is not: 2 ** 1.5).
        const value = b === 2 ? a * a : b === 0.5 && a > 0 ? Math.sqrt(a) : libm.pow(a, b);
        return Number.isFinite(value) || !Number.isFinite(a) || !Number.isFinite(b) ? value : NO;
      }
    }
    return NO;
  }
  // Complex numbers (the parser only makes imaginary literals; `1 + 2j` folds here).
  if ((l instanceof ComplexValue || r instanceof ComplexValue) && complexOf(l) && complexOf(r)) {
    const a = complexOf(l)!;
    const b = complexOf(r)!;
    switch (opName) {
      case 'Add': return new ComplexValue(a.real + b.real, a.imag + b.imag);
      case 'Sub': return new ComplexValue(a.real - b.real, a.imag - b.imag);
      case 'Mult': return new ComplexValue(a.real * b.real - a.imag * b.imag, a.real * b.imag + a.imag * b.real);
    }
    return NO;
  }
  // Sequences.
  if (opName === 'Add') {
    if (typeof l === 'string' && typeof r === 'string') return l + r;
    if (l instanceof BytesValue && r instanceof BytesValue) return new BytesValue(Uint8Array.from([...l.bytes, ...r.bytes]));
    if (l instanceof ConstTuple && r instanceof ConstTuple) return new ConstTuple([...l.items, ...r.items]);
    return NO;
  }
  if (opName === 'Mult') {
    let n: bigint | null = null;
    let seq: CodeConstant = null;
    if (isInt(l) && !isNumber(r)) { n = asInt(l); seq = r; }
    else if (isInt(r) && !isNumber(l)) { n = asInt(r); seq = l; }
    if (n === null) return NO;
    if (seq instanceof ConstTuple) {
      const size = seq.items.length;
      if (size) {
        if (n < 0n || n > BigInt(Math.floor(MAX_COLLECTION_SIZE / size))) return NO;
        if (n && checkComplexity(seq, Math.floor(MAX_TOTAL_ITEMS / Number(n))) < 0) return NO;
      }
      const items: CodeConstant[] = [];
      for (let i = 0n; i < n; i++) items.push(...seq.items);
      return new ConstTuple(items);
    }
    if (typeof seq === 'string' || seq instanceof BytesValue) {
      const size = typeof seq === 'string' ? [...seq].length : seq.bytes.length;
      if (size && (n < 0n || n > BigInt(Math.floor(MAX_STR_SIZE / size)))) return NO;
      const count = n < 0n ? 0 : Number(n);
      if (typeof seq === 'string') return seq.repeat(count);
      const out: number[] = [];
      for (let i = 0; i < count; i++) out.push(...seq.bytes);
      return new BytesValue(Uint8Array.from(out));
    }
    return NO;
  }
  return NO;
}

function unary(opName: string, v: CodeConstant): Folded {
  switch (opName) {
    case 'Not': return !isTruthyConstant(v);
    case 'UAdd':
      if (isInt(v)) return asInt(v);
      if (isFloat(v) || v instanceof ComplexValue) return v;
      return NO;
    case 'USub':
      if (isInt(v)) return -asInt(v);
      if (isFloat(v)) return -v;
      if (v instanceof ComplexValue) return new ComplexValue(-v.real, -v.imag);
      return NO;
    case 'Invert':
      if (isInt(v)) return ~asInt(v);
      return NO;
  }
  return NO;
}

function constTuple(elts: readonly AstExpr[]): ConstTuple | null {
  if (!elts.every((e) => e.nodeType === 'Constant')) return null;
  return new ConstTuple(elts.map((e) => (e as ast.Constant).value as CodeConstant));
}

function subscript(v: CodeConstant, index: CodeConstant): Folded {
  if (!isInt(index)) return NO;
  const i = Number(asInt(index));
  if (typeof v === 'string') {
    const chars = [...v];
    const k = i < 0 ? chars.length + i : i;
    return k >= 0 && k < chars.length ? chars[k] : NO;
  }
  if (v instanceof ConstTuple) {
    const k = i < 0 ? v.items.length + i : i;
    return k >= 0 && k < v.items.length ? v.items[k] : NO;
  }
  if (v instanceof BytesValue) {
    const k = i < 0 ? v.bytes.length + i : i;
    return k >= 0 && k < v.bytes.length ? BigInt(v.bytes[k]) : NO;
  }
  return NO;
}

function foldIter(arg: AstExpr): void {
  if (arg.nodeType === 'List') {
    if (arg.elts.some((e) => e.nodeType === 'Starred')) return;
    (arg as unknown as AnyNode).nodeType = 'Tuple';
    const t = constTuple(arg.elts);
    if (t) makeConst(arg, t);
  } else if (arg.nodeType === 'Set') {
    const t = constTuple(arg.elts);
    if (t) makeConst(arg, makeFrozensetConstant(t.items));
  }
}

const INVERTED: Record<string, string> = { Is: 'IsNot', IsNot: 'Is', In: 'NotIn', NotIn: 'In' };

function foldExpr(e: AstExpr): void {
  // astfold_expr's recursion check (no finally: an error ends the whole pass).
  if (++depth > COMPILER_RECURSION_LIMIT) throw new CompilationRecursionError();
  // Children first. The common deep shapes (operator chains, attribute/call/subscript chains)
  // recurse directly, one JS frame per level, so trees as deep as the symbol table accepts fold.
  switch (e.nodeType) {
    case 'BinOp': foldExpr(e.left); foldExpr(e.right); break;
    case 'UnaryOp': foldExpr(e.operand); break;
    case 'Attribute': foldExpr(e.value); break;
    case 'Subscript': foldExpr(e.value); foldExpr(e.slice); break;
    case 'BoolOp': for (const v of e.values) foldExpr(v); break;
    case 'Call':
      foldExpr(e.func);
      for (const a of e.args) foldExpr(a);
      for (const k of e.keywords) foldExpr(k.value);
      break;
    case 'Constant': case 'Name': break;
    default: foldChildren(e as unknown as AnyNode);
  }
  switch (e.nodeType) {
    case 'BinOp':
      if (e.op.nodeType === 'Mod' && e.left.nodeType === 'Constant' && typeof e.left.value === 'string' &&
          e.right.nodeType === 'Tuple' && !e.right.elts.some((x) => x.nodeType === 'Starred')) {
        optimizeFormat(e, e.left.value, e.right.elts);
        break;
      }
      if (e.left.nodeType === 'Constant' && e.right.nodeType === 'Constant') {
        makeConst(e, binop(e.op.nodeType, e.left.value as CodeConstant, e.right.value as CodeConstant));
      }
      break;
    case 'UnaryOp': {
      const arg = e.operand;
      if (arg.nodeType !== 'Constant') {
        if (e.op.nodeType === 'Not' && arg.nodeType === 'Compare' && arg.ops.length === 1) {
          const inv = INVERTED[arg.ops[0].nodeType];
          if (inv) {
            const n = e as unknown as AnyNode;
            const src = arg as unknown as AnyNode;
            (src.ops as AnyNode[])[0] = { nodeType: inv };
            for (const key of Object.keys(n)) delete n[key];
            Object.assign(n, src);
          }
        }
        break;
      }
      makeConst(e, unary(e.op.nodeType, arg.value as CodeConstant));
      break;
    }
    case 'Tuple':
      if (e.ctx.nodeType === 'Load') {
        const t = constTuple(e.elts);
        if (t) makeConst(e, t);
      }
      break;
    case 'Subscript':
      if (e.ctx.nodeType === 'Load' && e.value.nodeType === 'Constant' && e.slice.nodeType === 'Constant') {
        makeConst(e, subscript(e.value.value as CodeConstant, e.slice.value as CodeConstant));
      }
      break;
    case 'Compare': {
      const last = e.ops.length - 1;
      const opName = e.ops[last].nodeType;
      if (opName === 'In' || opName === 'NotIn') foldIter(e.comparators[last]);
      break;
    }
    case 'Name':
      if (e.ctx.nodeType === 'Load' && e.id === '__debug__') makeConst(e, true);
      break;
  }
  depth--;
}

function isNode(v: unknown): v is AnyNode {
  return typeof v === 'object' && v !== null && typeof (v as AnyNode).nodeType === 'string';
}

const EXPR_TYPES = new Set([
  'Attribute', 'Await', 'BinOp', 'BoolOp', 'Call', 'Compare', 'Constant', 'Dict', 'DictComp', 'FormattedValue',
  'GeneratorExp', 'IfExp', 'JoinedStr', 'Lambda', 'List', 'ListComp', 'Name', 'NamedExpr', 'Set', 'SetComp', 'Slice',
  'Starred', 'Subscript', 'Tuple', 'UnaryOp', 'Yield', 'YieldFrom',
]);

function foldAny(v: unknown): void {
  if (Array.isArray(v)) {
    for (const x of v) foldAny(x);
  } else if (isNode(v)) {
    // Expressions fold bottom-up; everything else (statements, comprehension, arguments, keyword,
    // withitem, match_case, patterns) is walked for the expressions it holds.
    if (EXPR_TYPES.has(v.nodeType)) foldExpr(v as unknown as AstExpr);
    else foldNode(v);
  }
}

function foldChildren(n: AnyNode): void {
  for (const key of Object.keys(n)) {
    if (key === 'nodeType' || key === 'value' && n.nodeType === 'Constant') continue;
    const v = n[key];
    if (Array.isArray(v) || isNode(v)) foldAny(v);
  }
}

function hasDocstring(body: readonly AstStmt[]): boolean {
  const first = body[0];
  return !!first && first.nodeType === 'Expr' && first.value.nodeType === 'Constant' && typeof first.value.value === 'string';
}

function foldBody(body: AstStmt[]): void {
  const had = hasDocstring(body);
  for (const s of body) foldNode(s as unknown as AnyNode);
  if (!had && hasDocstring(body)) {
    const st = body[0] as ast.Expr;
    const value = st.value;
    st.value = {
      nodeType: 'JoinedStr', values: [value], lineno: st.lineno, col_offset: st.col_offset, end_lineno: st.end_lineno,
      end_col_offset: st.end_col_offset,
    } as ast.JoinedStr;
  }
}

/** Statements and patterns: with expressions, the nodes ast_opt counts toward its recursion limit. */
const COUNTED_NODES = new Set([
  'AnnAssign', 'Assert', 'Assign', 'AsyncFor', 'AsyncFunctionDef', 'AsyncWith', 'AugAssign', 'Break', 'ClassDef',
  'Continue', 'Delete', 'Expr', 'For', 'FunctionDef', 'Global', 'If', 'Import', 'ImportFrom', 'Match', 'Nonlocal',
  'Pass', 'Raise', 'Return', 'Try', 'TryStar', 'While', 'With',
  'MatchAs', 'MatchClass', 'MatchMapping', 'MatchOr', 'MatchSequence', 'MatchSingleton', 'MatchStar', 'MatchValue',
]);

function foldNode(n: AnyNode): void {
  const counted = COUNTED_NODES.has(n.nodeType);
  if (counted && ++depth > COMPILER_RECURSION_LIMIT) throw new CompilationRecursionError();
  foldNodeChildren(n);
  if (counted) depth--;
}

function foldNodeChildren(n: AnyNode): void {
  switch (n.nodeType) {
    case 'Module':
      foldBody(n.body as AstStmt[]);
      return;
    case 'FunctionDef': case 'AsyncFunctionDef':
      foldAny(n.args);
      foldBody(n.body as AstStmt[]);
      foldAny(n.decorator_list);
      foldAny(n.returns);
      return;
    case 'ClassDef':
      foldAny(n.bases);
      foldAny(n.keywords);
      foldBody(n.body as AstStmt[]);
      foldAny(n.decorator_list);
      return;
    case 'For': case 'AsyncFor':
      foldAny(n.target);
      foldAny(n.iter);
      foldAny(n.body);
      foldAny(n.orelse);
      // ast_opt.c folds a list/set literal iterable into a constant for `for`, not `async for`.
      if (n.nodeType === 'For') foldIter(n.iter as AstExpr);
      return;
    case 'comprehension': case 'Comprehension':
      foldAny(n.target);
      foldAny(n.iter);
      foldAny(n.ifs);
      foldIter(n.iter as AstExpr);
      return;
  }
  foldChildren(n);
}

/**
 * Statements, expressions and patterns being folded, innermost last: ast_opt's
 * state->recursion_depth, with the same limit as the symbol table's (COMPILER_RECURSION_LIMIT),
 * beyond which CPython raises RecursionError("maximum recursion depth exceeded during compilation").
 */
let depth = 0;

export function optimizeAst(tree: ast.Module): void {
  depth = 0;
  foldNode(tree as unknown as AnyNode);
}

// ---------------------------------------------------------------- printf-style formatting

const NO_POSITION = { lineno: -1, col_offset: -1, end_lineno: -1, end_col_offset: -1 };

/** `'%s: %r' % (a, b)` becomes the f-string `f'{a!s}: {b!r}'` when every unit is %s/%r/%a. */
function optimizeFormat(node: ast.BinOp, fmt: string, elts: readonly AstExpr[]): void {
  const chars = [...fmt];
  const seq: AstExpr[] = [];
  let pos = 0;
  let cnt = 0;
  for (;;) {
    const start = pos;
    let hasPercents = false;
    while (pos < chars.length) {
      if (chars[pos] !== '%') pos++;
      else if (pos + 1 < chars.length && chars[pos + 1] === '%') {
        hasPercents = true;
        pos += 2;
      } else break;
    }
    if (pos !== start) {
      let text = chars.slice(start, pos).join('');
      if (hasPercents) text = text.replace(/%%/g, '%');
      seq.push({ nodeType: 'Constant', value: text, kind: null, ...NO_POSITION } as ast.Constant);
    }
    if (pos >= chars.length) break;
    if (cnt >= elts.length) return;
    pos++;
    const parsed = parseFormatUnit(chars, pos);
    if (!parsed) return;
    pos = parsed.pos;
    const arg = elts[cnt++];
    const spec = parsed.spec;
    if (spec !== 's' && spec !== 'r' && spec !== 'a') return;
    let buf = '';
    if (!(parsed.flags & 1) && parsed.width > 0) buf += '>';
    if (parsed.width >= 0) buf += String(parsed.width);
    if (parsed.prec >= 0) buf += '.' + String(parsed.prec);
    const formatSpec = buf ? ({ nodeType: 'Constant', value: buf, kind: null, ...NO_POSITION } as ast.Constant) : null;
    seq.push({
      nodeType: 'FormattedValue', value: arg, conversion: spec.charCodeAt(0), format_spec: formatSpec as unknown as AstExpr,
      lineno: arg.lineno, col_offset: arg.col_offset, end_lineno: arg.end_lineno, end_col_offset: arg.end_col_offset,
    } as ast.FormattedValue);
  }
  if (cnt < elts.length) return;
  const n = node as unknown as AnyNode;
  delete n.left;
  delete n.op;
  delete n.right;
  n.nodeType = 'JoinedStr';
  n.values = seq;
}

function parseFormatUnit(chars: string[], pos: number): { pos: number; spec: string; flags: number; width: number; prec: number } | null {
  const MAXDIGITS = 3;
  let flags = 0;
  let width = -1;
  let prec = -1;
  let ch = '';
  const next = () => {
    if (pos >= chars.length) return false;
    ch = chars[pos++];
    return true;
  };
  for (;;) {
    if (!next()) return null;
    const flag = { '-': 1, '+': 2, ' ': 4, '#': 8, '0': 16 }[ch];
    if (flag) {
      flags |= flag;
      continue;
    }
    break;
  }
  const isDigit = (c: string) => c >= '0' && c <= '9';
  if (isDigit(ch)) {
    width = 0;
    let digits = 0;
    while (isDigit(ch)) {
      width = width * 10 + Number(ch);
      if (!next()) return null;
      if (++digits >= MAXDIGITS) return null;
    }
  }
  if (ch === '.') {
    if (!next()) return null;
    prec = 0;
    let digits = 0;
    while (isDigit(ch)) {
      prec = prec * 10 + Number(ch);
      if (!next()) return null;
      if (++digits >= MAXDIGITS) return null;
    }
  }
  return { pos, spec: ch, flags, width, prec };
}
