// The disassembler: decodes a CodeObject into instructions exactly as CPython 3.11's
// dis.get_instructions(code, show_caches=False, adaptive=False) does (offsets count the inline
// CACHE units; EXTENDED_ARG prefixes fold into the following oparg; only jump instructions
// mark targets), and prints dis_dump.py's listing of a whole module.
// Used by `pyxray dis`, the debugger's disassemble request and the runtime's `dis` module.

import type { CodeConstant, CodeObject } from './codeObject';
import { isCodeObject, reprCodeConstant, reprNameTuple } from './constRepr';
import { decodeExceptionTable } from './exceptionTable';
import { codePositions, lineStarts } from './linetable';
import type { Position } from './linetable';
import {
  BINARY_OP, CMP_OP, DEOPT, EXTENDED_ARG, FORMAT_VALUE, HAS_COMPARE, HAS_CONST, HAS_FREE, HAS_JABS,
  HAS_JREL, HAS_LOCAL, HAS_NAME, HAVE_ARGUMENT, INLINE_CACHE_ENTRIES, LOAD_CONST, LOAD_GLOBAL,
  MAKE_FUNCTION, NB_OPS, OPNAME, SPECIALISED_OPNAME, isBackwardJump,
} from './opcodes';

export interface Instruction {
  opname: string;
  opcode: number;
  arg: number | null;
  /** The resolved argument: a constant, a name, a jump target offset, a comparison string … */
  argval: unknown;
  argrepr: string;
  offset: number;
  starts_line: number | null;
  is_jump_target: boolean;
  positions: Position;
}

const MAKE_FUNCTION_FLAGS = ['defaults', 'kwdefaults', 'annotations', 'closure'];
const FORMAT_CONVERTERS: [string | null, string][] = [[null, ''], ['str', 'str'], ['repr', 'repr'], ['ascii', 'ascii']];

function deopt(op: number): number {
  return DEOPT[op] ?? op;
}

/** co._varname_from_oparg: the localsplus name at an index. */
function localsplusName(code: CodeObject, index: number): string {
  return code.co_localsplusnames[index];
}

/** (offset, opcode, oparg|null) for each real instruction, as dis._unpack_opargs yields them. */
function* unpackOpargs(code: Uint16Array): Generator<[number, number, number | null]> {
  let extended = 0;
  let caches = 0;
  for (let i = 0; i < code.length; i++) {
    if (caches) {
      caches--;
      continue;
    }
    const op = code[i] & 0xff;
    const base = deopt(op);
    caches = INLINE_CACHE_ENTRIES[base];
    let arg: number | null = null;
    if (base >= HAVE_ARGUMENT) {
      arg = (code[i] >> 8) | extended;
      extended = base === EXTENDED_ARG ? arg * 256 : 0;
      if (extended >= 2 ** 31) extended -= 2 ** 32;
    } else {
      extended = 0;
    }
    yield [i * 2, op, arg];
  }
}

/**
 * dis.findlabels, plus exception handler targets when `withHandlers` (dis.dis passes the exception
 * table and marks handlers `>>`; dis.get_instructions passes none).
 */
function jumpTargets(code: CodeObject, withHandlers: boolean): Set<number> {
  const labels = new Set<number>();
  for (const [offset, op, arg] of unpackOpargs(code.co_code)) {
    if (arg === null) continue;
    const base = deopt(op);
    if (HAS_JREL.has(base)) {
      const signed = isBackwardJump(base) ? -arg : arg;
      labels.add(offset + 2 + signed * 2 + 2 * INLINE_CACHE_ENTRIES[base]);
    } else if (HAS_JABS.has(base)) {
      labels.add(arg * 2);
    }
  }
  if (withHandlers) for (const entry of decodeExceptionTable(code.co_exceptiontable)) labels.add(entry.target);
  return labels;
}

export function getInstructions(code: CodeObject, markHandlers = false, showCaches = false): Instruction[] {
  const labels = jumpTargets(code, markHandlers);
  const starts = lineStarts(code.co_linetable, code.co_firstlineno);
  const positions = codePositions(code.co_linetable, code.co_firstlineno, code.co_code.length);
  const out: Instruction[] = [];
  for (const [offset, op, arg] of unpackOpargs(code.co_code)) {
    const base = deopt(op);
    let argval: unknown = null;
    let argrepr = '';
    if (arg !== null) {
      argval = arg;
      if (HAS_CONST.has(base)) {
        if (base === LOAD_CONST) {
          argval = code.co_consts[arg];
          argrepr = reprCodeConstant(argval as CodeConstant);
        } else {
          argval = undefined; // dis's UNKNOWN: KW_NAMES shows no argrepr
        }
      } else if (HAS_NAME.has(base)) {
        if (base === LOAD_GLOBAL) {
          argval = argrepr = code.co_names[arg >> 1];
          if (arg & 1 && argrepr) argrepr = 'NULL + ' + argrepr;
        } else {
          argval = argrepr = code.co_names[arg];
        }
      } else if (HAS_JABS.has(base)) {
        argval = arg * 2;
        argrepr = `to ${arg * 2}`;
      } else if (HAS_JREL.has(base)) {
        const signed = isBackwardJump(base) ? -arg : arg;
        const target = offset + 2 + signed * 2 + 2 * INLINE_CACHE_ENTRIES[base];
        argval = target;
        argrepr = `to ${target}`;
      } else if (HAS_LOCAL.has(base) || HAS_FREE.has(base)) {
        argval = argrepr = localsplusName(code, arg);
      } else if (HAS_COMPARE.has(base)) {
        argval = argrepr = CMP_OP[arg];
      } else if (base === FORMAT_VALUE) {
        const [conv, text] = FORMAT_CONVERTERS[arg & 3];
        argval = [conv, (arg & 4) !== 0];
        argrepr = text;
        if (arg & 4) argrepr += (argrepr ? ', ' : '') + 'with format';
      } else if (base === MAKE_FUNCTION) {
        argrepr = MAKE_FUNCTION_FLAGS.filter((_f, i) => arg & (1 << i)).join(', ');
      } else if (base === BINARY_OP) {
        argrepr = NB_OPS[arg][1];
      }
    }
    out.push({
      opname: SPECIALISED_OPNAME[op] ?? OPNAME[op],
      opcode: op,
      arg,
      argval,
      argrepr,
      offset,
      starts_line: starts.get(offset) ?? null,
      is_jump_target: labels.has(offset),
      positions: positions[offset / 2],
    });
    if (showCaches) {
      // dis(show_caches=True): one CACHE line per inline cache unit; the runtime never
      // specialises, so none shows a counter (CPython's argrepr is empty until it does).
      const caches = INLINE_CACHE_ENTRIES[base];
      for (let k = 1; k <= caches; k++) {
        const at = offset + 2 * k;
        out.push({ opname: 'CACHE', opcode: 0, arg: 0, argval: 0, argrepr: '', offset: at, starts_line: null, is_jump_target: false, positions: positions[at / 2] });
      }
    }
  }
  return out;
}

const FLAG_NAMES: Record<number, string> = {
  1: 'OPTIMIZED', 2: 'NEWLOCALS', 4: 'VARARGS', 8: 'VARKEYWORDS', 16: 'NESTED', 32: 'GENERATOR',
  64: 'NOFREE', 128: 'COROUTINE', 256: 'ITERABLE_COROUTINE', 512: 'ASYNC_GENERATOR',
};

/** dis.pretty_flags. */
export function prettyFlags(flags: number): string {
  const names: string[] = [];
  let rest = flags >>> 0;
  for (let i = 0; i < 32; i++) {
    const flag = 2 ** i;
    if (rest & flag) {
      names.push(FLAG_NAMES[flag] ?? '0x' + flag.toString(16));
      rest = (rest & ~flag) >>> 0;
      if (!rest) return names.join(', ');
    }
  }
  names.push('0x' + rest.toString(16));
  return names.join(', ');
}

/** The text test/oracle/dis_dump.py prints for a module's code object (all nested code, depth first). */
export function disDumpCode(code: CodeObject): string {
  const lines: string[] = [];
  const dump = (co: CodeObject) => {
    lines.push(`code ${co.co_qualname} line ${co.co_firstlineno}`);
    lines.push(`  argcount ${co.co_argcount} posonly ${co.co_posonlyargcount} kwonly ${co.co_kwonlyargcount} nlocals ${co.co_nlocals} stacksize ${co.co_stacksize}`);
    lines.push(`  flags ${prettyFlags(co.co_flags)}`);
    lines.push(`  varnames ${reprNameTuple(co.co_varnames)}`);
    lines.push(`  cellvars ${reprNameTuple(co.co_cellvars)}`);
    lines.push(`  freevars ${reprNameTuple(co.co_freevars)}`);
    lines.push(`  names ${reprNameTuple(co.co_names)}`);
    lines.push(`  consts [${co.co_consts.map(reprCodeConstant).join(', ')}]`);
    for (const ins of getInstructions(co)) {
      const line = ins.starts_line !== null ? String(ins.starts_line).padStart(4) : '    ';
      const target = ins.is_jump_target ? '>>' : '  ';
      const arg = ins.arg === null ? '' : ` ${ins.arg}`;
      const argrepr = ins.argrepr ? ` (${ins.argrepr})` : '';
      lines.push(`  ${line} ${target} ${String(ins.offset).padStart(4)} ${ins.opname}${arg}${argrepr}`);
    }
    for (const c of co.co_consts) if (isCodeObject(c)) dump(c);
  };
  dump(code);
  return lines.join('\n') + '\n';
}

export interface DisassembleOptions {
  /** repr() of a nested code object (CPython: `<code object NAME at 0x…, file "…", line N>`). */
  reprCode: (code: CodeObject) => string;
  /** Offset of the instruction to mark `-->` (dis.disassemble's lasti). */
  lasti?: number;
  /** Also disassemble nested code objects, each under a "Disassembly of …:" header. */
  recursive?: boolean;
  /** List the inline CACHE entries (dis.dis(..., show_caches=True)). */
  showCaches?: boolean;
}

/**
 * The text `dis.dis(code)` prints in CPython 3.11 (dis.disassemble: line-number column, `-->`,
 * `>>` for jump and handler targets, offsets, opnames padded to 20, args right-aligned to 5,
 * then the ExceptionTable), for the runtime's `dis` module and the debugger.
 */
export function disassembleText(code: CodeObject, options: DisassembleOptions): string {
  const out: string[] = [];
  const one = (co: CodeObject) => {
    const starts = lineStarts(co.co_linetable, co.co_firstlineno);
    const showLineno = starts.size > 0;
    const maxLine = showLineno ? Math.max(...starts.values()) : 0;
    const linenoWidth = !showLineno ? 0 : maxLine >= 1000 ? String(maxLine).length : 3;
    const maxOffset = co.co_code.length * 2 - 2;
    const offsetWidth = maxOffset >= 10000 ? String(maxOffset).length : 4;
    for (const ins of getInstructions(co, true, options.showCaches === true)) {
      if (showLineno && ins.starts_line !== null && ins.offset > 0) out.push('');
      const fields: string[] = [];
      if (linenoWidth) fields.push(ins.starts_line !== null ? String(ins.starts_line).padStart(linenoWidth) : ' '.repeat(linenoWidth));
      fields.push(ins.offset === options.lasti ? '-->' : '   ');
      fields.push(ins.is_jump_target ? '>>' : '  ');
      fields.push(String(ins.offset).padStart(offsetWidth));
      fields.push(ins.opname.padEnd(20));
      if (ins.arg !== null) {
        fields.push(String(ins.arg).padStart(5));
        const shown = isCodeObject(ins.argval) ? options.reprCode(ins.argval) : ins.argrepr;
        if (shown) fields.push(`(${shown})`);
      }
      out.push(fields.join(' ').trimEnd());
    }
    const entries = decodeExceptionTable(co.co_exceptiontable);
    if (entries.length) {
      out.push('ExceptionTable:');
      for (const e of entries) out.push(`  ${e.start} to ${e.end - 2} -> ${e.target} [${e.depth}]${e.lasti ? ' lasti' : ''}`);
    }
    if (options.recursive) {
      for (const c of co.co_consts) {
        if (isCodeObject(c)) {
          out.push('');
          out.push(`Disassembly of ${options.reprCode(c)}:`);
          one(c);
        }
      }
    }
  };
  one(code);
  return out.join('\n') + '\n';
}
