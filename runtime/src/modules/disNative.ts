// _dis: the native half of the runtime's `dis` and `opcode` modules (runtime/lib/dis.py,
// opcode.py). It exposes the one opcode table (compiler/opcodes.ts) and the one disassembler
// (compiler/disassembler.ts) to Python, so `dis.dis(f)` in a snippet prints the listing
// `pyxray dis` and the debugger show, with nested code objects shown by their live repr
// (`<code object f at 0x…, file "…", line N>`).

import type { PyObject } from '../objects/pyobject';
import { PyCode, codeFor } from '../objects/code';
import { PyInt, newInt } from '../objects/int';
import { newStr } from '../objects/str';
import { newBool } from '../objects/bool';
import { None } from '../objects/none';
import { newTupleSteal } from '../objects/tuple';
import { newListSteal } from '../objects/list';
import { newDict } from '../objects/dict';
import { newException, TypeError, ValueError } from '../objects/exceptions';
import * as A from '../objects/abstract';
import { newRef, decref } from '../memory/heap';
import { disassembleText, getInstructions, prettyFlags } from '../compiler/disassembler';
import {
  OPNAME, CMP_OP, NB_OPS, HAS_CONST, HAS_NAME, HAS_JREL, HAS_JABS, HAS_LOCAL, HAS_FREE, HAS_COMPARE,
  HAS_NARGS, HAVE_ARGUMENT, EXTENDED_ARG, INLINE_CACHE_ENTRIES, LOAD_CONST, FORMAT_VALUE, stackEffect,
} from '../compiler/opcodes';
import { nativeModule } from './nativeModule';
import type { Interpreter } from '../vm/interpreter';

function codeArg(o: PyObject, fname: string): PyCode {
  if (!(o instanceof PyCode)) throw newException(TypeError, `${fname}() argument must be code, not ${A.typeName(o)}`);
  return o;
}

const intArg = (o: PyObject | undefined, dflt: number): number => (o instanceof PyInt ? Number(o.value) : dflt);

/** How dis.py resolves an Instruction's argval from the raw value the table gives. */
const ARGVAL_PLAIN = 0;
const ARGVAL_CONST = 1;
const ARGVAL_UNKNOWN = 2;
const ARGVAL_FORMAT = 3;

function pyValue(v: unknown): PyObject {
  if (v === null || v === undefined) return newRef(None);
  if (typeof v === 'number') return newInt(v);
  if (typeof v === 'string') return newStr(v);
  if (typeof v === 'boolean') return newBool(v);
  if (Array.isArray(v)) return newTupleSteal(v.map(pyValue));
  return newRef(None);
}

export function makeDisNative(_interp: Interpreter) {
  const b = nativeModule('_dis');
  const reprCode = (co: Parameters<typeof codeFor>[0]) => A.repr(codeFor(co));

  // disassemble(code, lasti=-1, show_caches=False) -> the text dis.disassemble prints for this one code object.
  b.def('disassemble', (_s, args) => {
    const code = codeArg(args[0], 'disassemble');
    const lasti = intArg(args[1], -1);
    const showCaches = args.length > 2 && A.isTrue(args[2]);
    return newStr(disassembleText(code.co, { reprCode, lasti: lasti >= 0 ? lasti : undefined, recursive: false, showCaches }));
  });

  // instructions(code, mark_handlers, show_caches) -> [(opname, opcode, arg, argval_kind, argval, argrepr, offset,
  //                         starts_line, is_jump_target, (line, end_line, col, end_col)), ...]
  b.def('instructions', (_s, args) => {
    const code = codeArg(args[0], 'instructions');
    const items = getInstructions(code.co, args.length > 1 && A.isTrue(args[1]), args.length > 2 && A.isTrue(args[2])).map((ins) => {
      const base = ins.opcode;
      let kind = ARGVAL_PLAIN;
      let argrepr = ins.argrepr;
      if (ins.arg !== null && HAS_CONST.has(base)) {
        kind = base === LOAD_CONST ? ARGVAL_CONST : ARGVAL_UNKNOWN;
        if (base === LOAD_CONST) argrepr = A.repr(code.consts[ins.arg]);
      } else if (ins.arg !== null && base === FORMAT_VALUE) kind = ARGVAL_FORMAT;
      const p = ins.positions;
      return newTupleSteal([
        newStr(ins.opname), newInt(ins.opcode), ins.arg === null ? newRef(None) : newInt(ins.arg),
        newInt(kind), kind === ARGVAL_CONST || kind === ARGVAL_UNKNOWN ? newRef(None) : pyValue(ins.argval),
        newStr(argrepr), newInt(ins.offset), ins.starts_line === null ? newRef(None) : newInt(ins.starts_line),
        newBool(ins.is_jump_target),
        newTupleSteal([pyValue(p?.lineno ?? null), pyValue(p?.end_lineno ?? null), pyValue(p?.col_offset ?? null), pyValue(p?.end_col_offset ?? null)]),
      ]);
    });
    return newListSteal(items);
  });

  b.def('pretty_flags', (_s, args) => newStr(prettyFlags(intArg(args[0], 0))));

  b.def('stack_effect', (_s, args, kwnames) => {
    const npos = args.length - (kwnames?.length ?? 0);
    const op = intArg(args[0], -1);
    const oparg = npos > 1 && args[1] !== None ? intArg(args[1], 0) : null;
    const jumpObj = kwnames?.includes('jump') ? args[npos + kwnames.indexOf('jump')] : None;
    if (op < 0 || op > 255 || OPNAME[op].startsWith('<') || op === 0) throw newException(ValueError, 'invalid opcode or oparg');
    if (op >= HAVE_ARGUMENT && oparg === null) throw newException(ValueError, 'stack_effect: opcode requires oparg but oparg was not specified');
    if (op < HAVE_ARGUMENT && oparg !== null) throw newException(ValueError, 'stack_effect: opcode does not permit oparg but oparg was specified');
    const arg = oparg ?? 0;
    if (jumpObj === None) return newInt(Math.max(stackEffect(op, arg, true), stackEffect(op, arg, false)));
    return newInt(stackEffect(op, arg, A.isTrue(jumpObj)));
  });

  const strList = (xs: readonly string[]) => newListSteal(xs.map((x) => newStr(x)));
  const intList = (xs: Iterable<number>) => newListSteal([...xs].sort((x, y) => x - y).map((x) => newInt(x)));
  b.put('opname', strList(OPNAME));
  b.put('cmp_op', newTupleSteal(CMP_OP.map((x) => newStr(x))));
  b.put('nb_ops', newListSteal(NB_OPS.map(([n, s]) => newTupleSteal([newStr(n), newStr(s)]))));
  b.put('hasconst', intList(HAS_CONST));
  b.put('hasname', intList(HAS_NAME));
  b.put('hasjrel', intList(HAS_JREL));
  b.put('hasjabs', intList(HAS_JABS));
  b.put('haslocal', intList(HAS_LOCAL));
  b.put('hasfree', intList(HAS_FREE));
  b.put('hascompare', intList(HAS_COMPARE));
  b.put('hasnargs', intList(HAS_NARGS));
  b.put('inline_cache_entries', newListSteal([...INLINE_CACHE_ENTRIES].map((x) => newInt(x))));
  b.put('HAVE_ARGUMENT', newInt(HAVE_ARGUMENT));
  b.put('EXTENDED_ARG', newInt(EXTENDED_ARG));
  const opmap = newDict();
  OPNAME.forEach((name, i) => {
    if (!name.startsWith('<')) {
      const v = newInt(i);
      opmap.setStr(name, v);
      decref(v);
    }
  });
  b.put('opmap', opmap);
  return b.module;
}
