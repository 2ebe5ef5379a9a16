// Code generation for `match` statements (compile.c's compiler_match and the compiler_pattern_*
// helpers of CPython 3.11). A pattern leaves the names it captures on the stack and stores them
// only once the whole case (guard included) has matched; failure jumps to one of the
// "fail_pop" blocks, which pop however many items were on the stack at that point.
// Invariant: `onTop` + `stores.length` is exactly the number of items above the subject copy.

import type * as ast from '../syntax/ast';
import type { AstPattern } from '../syntax/ast';
import { syntaxErrorAt } from '../symtable/errors';
import { reprStr } from '../text/repr';
import { ConstTuple } from './codeObject';
import type { CodeConstant } from './codeObject';
import type { CompilerState } from './compilerUnit';
import { emitJumpNoLine, jumpIf, nameOp, visitExpr } from './codegenExpr';
import { reprCodeConstant } from './constRepr';
import { visitStmts } from './codegenStmt';
import { JUMP, POP_JUMP_IF_FALSE } from './instructions';
import type { Block } from './instructions';
import type { Located } from '../syntax/ast';
import * as op from './opcodes';

interface PatternContext {
  stores: string[];
  allowIrrefutable: boolean;
  failPop: Block[];
  onTop: number;
}

const isWildcard = (p: AstPattern) => p.nodeType === 'MatchAs' && !p.name;
const isWildcardStar = (p: AstPattern) => p.nodeType === 'MatchStar' && !p.name;

function errorAt(c: CompilerState, msg: string): Error {
  const loc = c.u.loc;
  return syntaxErrorAt(msg, { lineno: loc.lineno, col_offset: loc.col_offset, end_lineno: loc.end_lineno, end_col_offset: loc.end_col_offset });
}

function ensureFailPop(c: CompilerState, pc: PatternContext, n: number): void {
  while (pc.failPop.length < n + 1) pc.failPop.push(c.u.newBlock());
}

function jumpToFailPop(c: CompilerState, pc: PatternContext, code: number): void {
  const pops = pc.onTop + pc.stores.length;
  ensureFailPop(c, pc, pops);
  c.emitJump(code, pc.failPop[pops]);
  c.nextBlock();
}

function emitAndResetFailPop(c: CompilerState, pc: PatternContext): void {
  if (!pc.failPop.length) return;
  for (let i = pc.failPop.length - 1; i > 0; i--) {
    c.useNext(pc.failPop[i]);
    c.emit(op.POP_TOP);
  }
  c.useNext(pc.failPop[0]);
  pc.failPop = [];
}

function rotate(c: CompilerState, count: number): void {
  while (count > 1) c.emit(op.SWAP, count--);
}

function storeName(c: CompilerState, name: string | null, pc: PatternContext): void {
  if (name === null) {
    c.emit(op.POP_TOP);
    return;
  }
  if (pc.stores.includes(name)) throw errorAt(c, `multiple assignments to name ${reprStr(name)} in pattern`);
  rotate(c, pc.onTop + pc.stores.length + 1);
  pc.stores.push(name);
}

function unpackHelper(c: CompilerState, elts: readonly AstPattern[]): void {
  const n = elts.length;
  let seenStar = false;
  for (let i = 0; i < n; i++) {
    const elt = elts[i];
    if (elt.nodeType === 'MatchStar' && !seenStar) {
      if (i >= 1 << 8 || n - i - 1 >= 0x7fffffff >> 8) throw errorAt(c, 'too many expressions in star-unpacking sequence pattern');
      c.emit(op.UNPACK_EX, i + ((n - i - 1) << 8));
      seenStar = true;
    } else if (elt.nodeType === 'MatchStar') {
      throw errorAt(c, 'multiple starred expressions in sequence pattern');
    }
  }
  if (!seenStar) c.emit(op.UNPACK_SEQUENCE, n);
}

function subpattern(c: CompilerState, p: AstPattern, pc: PatternContext): void {
  const allow = pc.allowIrrefutable;
  pc.allowIrrefutable = true;
  pattern(c, p, pc);
  pc.allowIrrefutable = allow;
}

function sequenceUnpack(c: CompilerState, patterns: readonly AstPattern[], pc: PatternContext): void {
  unpackHelper(c, patterns);
  pc.onTop += patterns.length;
  for (const p of patterns) {
    pc.onTop--;
    subpattern(c, p, pc);
  }
}

function sequenceSubscr(c: CompilerState, patterns: readonly AstPattern[], star: number, pc: PatternContext): void {
  pc.onTop++;
  const size = patterns.length;
  for (let i = 0; i < size; i++) {
    const p = patterns[i];
    if (isWildcard(p) || i === star) continue;
    c.emit(op.COPY, 1);
    if (i < star) {
      c.emitConst(BigInt(i));
    } else {
      c.emit(op.GET_LEN);
      c.emitConst(BigInt(size - i));
      c.emit(op.BINARY_OP, op.NB_SUBTRACT);
    }
    c.emit(op.BINARY_SUBSCR);
    subpattern(c, p, pc);
  }
  pc.onTop--;
  c.emit(op.POP_TOP);
}

function patternAs(c: CompilerState, p: ast.MatchAs, pc: PatternContext): void {
  if (!p.pattern) {
    if (!pc.allowIrrefutable) {
      if (p.name) throw errorAt(c, `name capture ${reprStr(p.name)} makes remaining patterns unreachable`);
      throw errorAt(c, 'wildcard makes remaining patterns unreachable');
    }
    storeName(c, p.name, pc);
    return;
  }
  pc.onTop++;
  c.emit(op.COPY, 1);
  pattern(c, p.pattern, pc);
  pc.onTop--;
  storeName(c, p.name, pc);
}

function patternClass(c: CompilerState, p: ast.MatchClass, pc: PatternContext): void {
  const nargs = p.patterns.length;
  const nattrs = p.kwd_attrs.length;
  if (nattrs) {
    for (let i = 0; i < nattrs; i++) {
      c.setLoc(p.kwd_patterns[i] as Located);
      for (let j = i + 1; j < nattrs; j++) {
        if (p.kwd_attrs[i] === p.kwd_attrs[j]) {
          c.setLoc(p.kwd_patterns[j] as Located);
          throw errorAt(c, `attribute name repeated in class pattern: ${p.kwd_attrs[i]}`);
        }
      }
    }
    c.setLoc(p);
  }
  visitExpr(c, p.cls);
  c.emitConst(new ConstTuple([...p.kwd_attrs]));
  c.emit(op.MATCH_CLASS, nargs);
  c.emit(op.COPY, 1);
  c.emitConst(null);
  c.emit(op.IS_OP, 1);
  pc.onTop++;
  jumpToFailPop(c, pc, POP_JUMP_IF_FALSE);
  c.emit(op.UNPACK_SEQUENCE, nargs + nattrs);
  pc.onTop += nargs + nattrs - 1;
  for (let i = 0; i < nargs + nattrs; i++) {
    pc.onTop--;
    const sub = i < nargs ? p.patterns[i] : p.kwd_patterns[i - nargs];
    if (isWildcard(sub)) {
      c.emit(op.POP_TOP);
      continue;
    }
    subpattern(c, sub, pc);
  }
}

function constantKeyText(value: unknown): string {
  return typeof value === 'bigint' ? `i${value}` : typeof value === 'number' ? `i${value}` : typeof value === 'boolean' ? `i${value ? 1 : 0}` : `${typeof value}:${String(value)}`;
}

function patternMapping(c: CompilerState, p: ast.MatchMapping, pc: PatternContext): void {
  const keys = p.keys;
  const patterns = p.patterns;
  let size = keys.length;
  const starTarget = p.rest;
  pc.onTop++;
  c.emit(op.MATCH_MAPPING);
  jumpToFailPop(c, pc, POP_JUMP_IF_FALSE);
  if (!size && !starTarget) {
    pc.onTop--;
    c.emit(op.POP_TOP);
    return;
  }
  if (size) {
    c.emit(op.GET_LEN);
    c.emitConst(BigInt(size));
    c.emit(op.COMPARE_OP, op.PY_GE);
    jumpToFailPop(c, pc, POP_JUMP_IF_FALSE);
  }
  const seen = new Set<string>();
  for (let i = 0; i < size; i++) {
    const key = keys[i];
    if (key.nodeType === 'Constant') {
      const k = constantKeyText(key.value);
      if (seen.has(k)) throw errorAt(c, `mapping pattern checks duplicate key (${reprCodeConstant(key.value as CodeConstant)})`);
      seen.add(k);
    } else if (key.nodeType !== 'Attribute') {
      throw errorAt(c, 'mapping pattern keys may only match literals and attribute lookups');
    }
    visitExpr(c, key);
  }
  c.emit(op.BUILD_TUPLE, size);
  c.emit(op.MATCH_KEYS);
  pc.onTop += 2;
  c.emit(op.COPY, 1);
  c.emitConst(null);
  c.emit(op.IS_OP, 1);
  jumpToFailPop(c, pc, POP_JUMP_IF_FALSE);
  c.emit(op.UNPACK_SEQUENCE, size);
  pc.onTop += size - 1;
  for (let i = 0; i < size; i++) {
    pc.onTop--;
    subpattern(c, patterns[i], pc);
  }
  pc.onTop -= 2;
  if (starTarget) {
    c.emit(op.BUILD_MAP, 0);
    c.emit(op.SWAP, 3);
    c.emit(op.DICT_UPDATE, 2);
    c.emit(op.UNPACK_SEQUENCE, size);
    while (size) {
      c.emit(op.COPY, 1 + size--);
      c.emit(op.SWAP, 2);
      c.emit(op.DELETE_SUBSCR);
    }
    storeName(c, starTarget, pc);
  } else {
    c.emit(op.POP_TOP);
    c.emit(op.POP_TOP);
  }
}

function patternOr(c: CompilerState, p: ast.MatchOr, pc: PatternContext): void {
  const end = c.u.newBlock();
  const size = p.patterns.length;
  const old = { ...pc };
  let control: string[] | null = null;
  for (let i = 0; i < size; i++) {
    const alt = p.patterns[i];
    c.setLoc(alt as Located);
    pc.stores = [];
    pc.allowIrrefutable = i === size - 1 && old.allowIrrefutable;
    pc.failPop = [];
    pc.onTop = 0;
    c.emit(op.COPY, 1);
    pattern(c, alt, pc);
    const nstores = pc.stores.length;
    if (!i) {
      control = pc.stores;
    } else if (nstores !== control!.length) {
      throw errorAt(c, 'alternative patterns bind different names');
    } else if (nstores) {
      let icontrol = nstores;
      while (icontrol--) {
        const name = control![icontrol];
        const istores = pc.stores.indexOf(name);
        if (istores < 0) throw errorAt(c, 'alternative patterns bind different names');
        if (icontrol !== istores) {
          let rotations = istores + 1;
          const rotated = pc.stores.slice(0, rotations);
          pc.stores.splice(0, rotations);
          pc.stores.splice(icontrol - istores, 0, ...rotated);
          while (rotations--) rotate(c, icontrol + 1);
        }
      }
    }
    c.emitJump(JUMP, end);
    emitAndResetFailPop(c, pc);
  }
  pc.stores = old.stores;
  pc.allowIrrefutable = old.allowIrrefutable;
  pc.failPop = old.failPop;
  pc.onTop = old.onTop;
  c.emit(op.POP_TOP);
  jumpToFailPop(c, pc, JUMP);
  c.useNext(end);
  const nstores = control!.length;
  const nrots = nstores + 1 + pc.onTop + pc.stores.length;
  for (let i = 0; i < nstores; i++) {
    rotate(c, nrots);
    const name = control![i];
    if (pc.stores.includes(name)) throw errorAt(c, `multiple assignments to name ${reprStr(name)} in pattern`);
    pc.stores.push(name);
  }
  c.emit(op.POP_TOP);
}

function patternSequence(c: CompilerState, p: ast.MatchSequence, pc: PatternContext): void {
  const patterns = p.patterns;
  const size = patterns.length;
  let star = -1;
  let onlyWildcard = true;
  let starWildcard = false;
  for (let i = 0; i < size; i++) {
    const sub = patterns[i];
    if (sub.nodeType === 'MatchStar') {
      if (star >= 0) throw errorAt(c, 'multiple starred names in sequence pattern');
      starWildcard = isWildcardStar(sub);
      onlyWildcard = onlyWildcard && starWildcard;
      star = i;
      continue;
    }
    onlyWildcard = onlyWildcard && isWildcard(sub);
  }
  pc.onTop++;
  c.emit(op.MATCH_SEQUENCE);
  jumpToFailPop(c, pc, POP_JUMP_IF_FALSE);
  if (star < 0) {
    c.emit(op.GET_LEN);
    c.emitConst(BigInt(size));
    c.emit(op.COMPARE_OP, op.PY_EQ);
    jumpToFailPop(c, pc, POP_JUMP_IF_FALSE);
  } else if (size > 1) {
    // With a star, len(subject) >= size - 1 (pointless, and skipped, when that is 0).
    c.emit(op.GET_LEN);
    c.emitConst(BigInt(size - 1));
    c.emit(op.COMPARE_OP, op.PY_GE);
    jumpToFailPop(c, pc, POP_JUMP_IF_FALSE);
  }
  pc.onTop--;
  if (onlyWildcard) c.emit(op.POP_TOP);
  else if (starWildcard) sequenceSubscr(c, patterns, star, pc);
  else sequenceUnpack(c, patterns, pc);
}

function pattern(c: CompilerState, p: AstPattern, pc: PatternContext): void {
  c.setLoc(p as Located);
  switch (p.nodeType) {
    case 'MatchValue': {
      const value = p.value;
      if (value.nodeType !== 'Constant' && value.nodeType !== 'Attribute') {
        throw errorAt(c, 'patterns may only match literals and attribute lookups');
      }
      visitExpr(c, value);
      c.emit(op.COMPARE_OP, op.PY_EQ);
      jumpToFailPop(c, pc, POP_JUMP_IF_FALSE);
      return;
    }
    case 'MatchSingleton':
      c.emitConst(p.value as CodeConstant);
      c.emit(op.IS_OP, 0);
      jumpToFailPop(c, pc, POP_JUMP_IF_FALSE);
      return;
    case 'MatchSequence': return patternSequence(c, p, pc);
    case 'MatchMapping': return patternMapping(c, p, pc);
    case 'MatchClass': return patternClass(c, p, pc);
    case 'MatchStar': return storeName(c, p.name, pc);
    case 'MatchAs': return patternAs(c, p, pc);
    case 'MatchOr': return patternOr(c, p, pc);
  }
}

export function compileMatch(c: CompilerState, s: ast.Match): void {
  visitExpr(c, s.subject);
  const end = c.u.newBlock();
  const cases = s.cases.length;
  let m = s.cases[cases - 1];
  const hasDefault = isWildcard(m.pattern) && cases > 1 ? 1 : 0;
  const pc: PatternContext = { stores: [], allowIrrefutable: false, failPop: [], onTop: 0 };
  for (let i = 0; i < cases - hasDefault; i++) {
    m = s.cases[i];
    c.setLoc(m.pattern as Located);
    if (i !== cases - hasDefault - 1) c.emit(op.COPY, 1);
    pc.stores = [];
    pc.allowIrrefutable = m.guard !== null || i === cases - 1;
    pc.failPop = [];
    pc.onTop = 0;
    pattern(c, m.pattern, pc);
    for (const name of pc.stores) nameOp(c, name, 'Store');
    if (m.guard) {
      ensureFailPop(c, pc, 0);
      jumpIf(c, m.guard, pc.failPop[0], false);
    }
    if (i !== cases - hasDefault - 1) c.emit(op.POP_TOP);
    visitStmts(c, m.body);
    // Line-less, so a nested match's exit threads through to the outer one.
    emitJumpNoLine(c, JUMP, end);
    c.setLoc(m.pattern as Located);
    emitAndResetFailPop(c, pc);
  }
  if (hasDefault) {
    m = s.cases[cases - 1];
    c.setLoc(m.pattern as Located);
    if (cases === 1) c.emit(op.POP_TOP);
    else c.emit(op.NOP);
    if (m.guard) jumpIf(c, m.guard, end, false);
    visitStmts(c, m.body);
  }
  c.useNext(end);
}
