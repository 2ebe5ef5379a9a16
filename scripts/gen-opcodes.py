#!/usr/bin/env python3
"""Generate runtime/src/compiler/opcodes.ts from CPython 3.11's `opcode` and `dis` modules.

The compiler, the disassembler and the VM share this one table: names, numbers, inline cache
sizes, argument classes, binary-operator (NB_*) names, the deoptimisation map of specialised
forms, and stack effects. Stack effects are written here as small formulas per opcode and each
formula is checked against dis.stack_effect() for many opargs (both jump directions) before
anything is written, so the TypeScript function cannot drift from CPython.

usage: python3 scripts/gen-opcodes.py   (needs CPython 3.11)
"""
import dis
import opcode
import os
import sys

assert sys.version_info[:2] == (3, 11), "run with CPython 3.11"

OUT = os.path.join(os.path.dirname(__file__), "..", "runtime", "src", "compiler", "opcodes.ts")

# Stack effect formulas: name -> (effect_when_jumping, effect_when_not_jumping) as Python
# expressions of `oparg`, or a single expression for both. Mirrors compile.c's stack_effect().
FIXED = {
    "NOP": 0, "POP_TOP": -1, "PUSH_NULL": 1, "UNARY_POSITIVE": 0, "UNARY_NEGATIVE": 0, "UNARY_NOT": 0,
    "UNARY_INVERT": 0, "BINARY_SUBSCR": -1, "GET_LEN": 1, "MATCH_MAPPING": 1, "MATCH_SEQUENCE": 1,
    "MATCH_KEYS": 1, "PUSH_EXC_INFO": 1, "CHECK_EXC_MATCH": 0, "CHECK_EG_MATCH": 0,
    "WITH_EXCEPT_START": 1, "GET_AITER": 0, "GET_ANEXT": 1, "BEFORE_ASYNC_WITH": 1, "BEFORE_WITH": 1,
    "END_ASYNC_FOR": -2, "STORE_SUBSCR": -3, "DELETE_SUBSCR": -2, "GET_ITER": 0,
    "GET_YIELD_FROM_ITER": 0, "PRINT_EXPR": -1, "LOAD_BUILD_CLASS": 1, "LOAD_ASSERTION_ERROR": 1,
    "RETURN_GENERATOR": 0, "LIST_TO_TUPLE": 0, "RETURN_VALUE": -1, "IMPORT_STAR": -1,
    "SETUP_ANNOTATIONS": 0, "YIELD_VALUE": 0, "ASYNC_GEN_WRAP": 0, "PREP_RERAISE_STAR": -1,
    "POP_EXCEPT": -1, "CACHE": 0,
}
FORMULAS = {
    "STORE_NAME": "-1", "DELETE_NAME": "0", "UNPACK_SEQUENCE": "oparg - 1", "FOR_ITER": ("-1", "1"),
    "UNPACK_EX": "(oparg & 0xFF) + (oparg >> 8)", "STORE_ATTR": "-2", "DELETE_ATTR": "-1",
    "STORE_GLOBAL": "-1", "DELETE_GLOBAL": "0", "SWAP": "0", "LOAD_CONST": "1", "LOAD_NAME": "1",
    "BUILD_TUPLE": "1 - oparg", "BUILD_LIST": "1 - oparg", "BUILD_SET": "1 - oparg",
    "BUILD_MAP": "1 - 2 * oparg", "LOAD_ATTR": "0", "COMPARE_OP": "-1", "IMPORT_NAME": "-1",
    "IMPORT_FROM": "1", "JUMP_FORWARD": "0", "JUMP_IF_FALSE_OR_POP": ("0", "-1"),
    "JUMP_IF_TRUE_OR_POP": ("0", "-1"), "POP_JUMP_FORWARD_IF_FALSE": "-1",
    "POP_JUMP_FORWARD_IF_TRUE": "-1", "LOAD_GLOBAL": "(oparg & 1) + 1", "IS_OP": "-1",
    "CONTAINS_OP": "-1", "RERAISE": "-1", "COPY": "1", "BINARY_OP": "-1", "SEND": ("-1", "0"),
    "LOAD_FAST": "1", "STORE_FAST": "-1", "DELETE_FAST": "0", "POP_JUMP_FORWARD_IF_NOT_NONE": "-1",
    "POP_JUMP_FORWARD_IF_NONE": "-1", "RAISE_VARARGS": "-oparg", "GET_AWAITABLE": "0",
    "MAKE_FUNCTION": "-1 - ((oparg & 1) + ((oparg >> 1) & 1) + ((oparg >> 2) & 1) + ((oparg >> 3) & 1))"
                     " + 1",
    "BUILD_SLICE": "-2 if oparg == 3 else -1", "JUMP_BACKWARD_NO_INTERRUPT": "0", "MAKE_CELL": "0",
    "LOAD_CLOSURE": "1", "LOAD_DEREF": "1", "STORE_DEREF": "-1", "DELETE_DEREF": "0",
    "JUMP_BACKWARD": "0", "CALL_FUNCTION_EX": "-2 - (oparg & 1)", "EXTENDED_ARG": "0",
    "LIST_APPEND": "-1", "SET_ADD": "-1", "MAP_ADD": "-2", "LOAD_CLASSDEREF": "1",
    "COPY_FREE_VARS": "0", "RESUME": "0", "MATCH_CLASS": "-2",
    "FORMAT_VALUE": "-1 if (oparg & 0x04) == 0x04 else 0", "BUILD_CONST_KEY_MAP": "-oparg",
    "BUILD_STRING": "1 - oparg", "LOAD_METHOD": "1", "LIST_EXTEND": "-1", "SET_UPDATE": "-1",
    "DICT_MERGE": "-1", "DICT_UPDATE": "-1", "PRECALL": "-oparg", "CALL": "-1", "KW_NAMES": "0",
    "POP_JUMP_BACKWARD_IF_NOT_NONE": "-1", "POP_JUMP_BACKWARD_IF_NONE": "-1",
    "POP_JUMP_BACKWARD_IF_FALSE": "-1", "POP_JUMP_BACKWARD_IF_TRUE": "-1",
}


def py_to_ts(expr):
    if " if " in expr:
        value, rest = expr.split(" if ", 1)
        cond, other = rest.split(" else ", 1)
        return f"({cond.strip()} ? {value.strip()} : {other.strip()})"
    return expr


def check_and_render():
    lines = []
    for op in range(256):
        name = opcode.opname[op]
        if name.startswith("<") or name not in opcode.opmap:
            continue
        if op < opcode.HAVE_ARGUMENT:
            eff = FIXED[name]
            assert dis.stack_effect(op) == eff, name
            lines.append(f"    case {op}: return {eff}; // {name}")
            continue
        f = FORMULAS[name]
        jump, nojump = (f, f) if isinstance(f, str) else f
        for oparg in list(range(0, 300)) + [0x1FF, 0x302, 0xFFFF]:
            for expr, direction in ((jump, True), (nojump, False)):
                want = dis.stack_effect(op, oparg, jump=direction)
                got = eval(expr, {"oparg": oparg})
                assert got == want, (name, oparg, direction, got, want)
        if jump == nojump:
            lines.append(f"    case {op}: return {py_to_ts(jump)}; // {name}")
        else:
            lines.append(f"    case {op}: return jump ? {py_to_ts(jump)} : {py_to_ts(nojump)}; // {name}")
    return lines


def main():
    effects = check_and_render()
    names = [opcode.opname[i] for i in range(256)]
    allmap = dict(dis._all_opmap)
    deopt = {}
    for base, family in opcode._specializations.items():
        for spec in family:
            deopt[allmap[spec]] = opcode.opmap[base]
    out = []
    w = out.append
    w("// GENERATED by scripts/gen-opcodes.py from CPython 3.11's `opcode` and `dis` modules; do not edit.")
    w("// The one opcode table: the compiler emits with it, the disassembler decodes with it and the VM")
    w("// dispatches on it. Numbers, inline CACHE counts and stack effects are CPython 3.11's.")
    w("")
    w(f"export const HAVE_ARGUMENT = {opcode.HAVE_ARGUMENT};")
    w("")
    for name, num in sorted(opcode.opmap.items(), key=lambda kv: kv[1]):
        w(f"export const {name} = {num};")
    w("")
    w("/**")
    w(" * The same numbers as a const enum: esbuild inlines enum members across modules, so the eval")
    w(" * loop's `case Op.X:` labels are literals and V8 compiles its switch to a jump table (the")
    w(" * plain constants above are module variables, which make it a chain of compares).")
    w(" */")
    w("export const enum Op {")
    for name, num in sorted(opcode.opmap.items(), key=lambda kv: kv[1]):
        w(f"  {name} = {num},")
    w("}")
    w("")
    w("/** opname[op]: CPython's `opcode.opname` (unused numbers read `<N>`). */")
    w("export const OPNAME: readonly string[] = [")
    for i in range(0, 256, 8):
        w("  " + " ".join(f"'{n}'," for n in names[i:i + 8]))
    w("];")
    w("")
    w("/** Specialised (adaptive) instruction names by number, as dis._all_opname lists them. */")
    w("export const SPECIALISED_OPNAME: Readonly<Record<number, string>> = {")
    for spec in opcode._specialized_instructions:
        w(f"  {allmap[spec]}: '{spec}',")
    w("};")
    w("")
    w("/** Specialised opcode → the base opcode it deoptimises to (dis's _deoptop). */")
    w("export const DEOPT: Readonly<Record<number, number>> = {")
    for k in sorted(deopt):
        w(f"  {k}: {deopt[k]},")
    w("};")
    w("")
    w("/** Number of inline CACHE code units after each opcode (opcode._inline_cache_entries). */")
    w("export const INLINE_CACHE_ENTRIES: Uint8Array = Uint8Array.from([")
    ce = opcode._inline_cache_entries
    for i in range(0, 256, 32):
        w("  " + ", ".join(str(x) for x in ce[i:i + 32]) + ",")
    w("]);")
    w("")

    def opset(label, doc, items):
        w(f"/** {doc} */")
        w(f"export const {label}: ReadonlySet<number> = new Set([{', '.join(str(x) for x in sorted(items))}]);")

    opset("HAS_JREL", "Jumps with a relative target (opcode.hasjrel).", opcode.hasjrel)
    opset("HAS_JABS", "Jumps with an absolute target (opcode.hasjabs; empty in 3.11).", opcode.hasjabs)
    opset("HAS_CONST", "Oparg indexes co_consts.", opcode.hasconst)
    opset("HAS_NAME", "Oparg indexes co_names.", opcode.hasname)
    opset("HAS_LOCAL", "Oparg indexes the fast locals.", opcode.haslocal)
    opset("HAS_FREE", "Oparg indexes localsplus cells/free variables.", opcode.hasfree)
    opset("HAS_COMPARE", "Oparg is a comparison (cmp_op index).", opcode.hascompare)
    opset("HAS_NARGS", "Oparg is an argument count (opcode.hasnargs).", opcode.hasnargs)
    w("")
    w(f"export const CMP_OP: readonly string[] = [{', '.join(repr(x) for x in opcode.cmp_op)}];")
    w("")
    w("/** BINARY_OP opargs: [NB_ name, operator symbol] (opcode._nb_ops). */")
    w("export const NB_OPS: readonly (readonly [string, string])[] = [")
    for n, s in opcode._nb_ops:
        w(f"  ['{n}', '{s}'],")
    w("];")
    for i, (n, _s) in enumerate(opcode._nb_ops):
        w(f"export const {n} = {i};")
    w("")
    w("/** COMPARE_OP opargs. */")
    for i, n in enumerate(["PY_LT", "PY_LE", "PY_EQ", "PY_NE", "PY_GT", "PY_GE"]):
        w(f"export const {n} = {i};")
    w("")
    w("/** dis.stack_effect(op, oparg, jump): net stack change of one instruction (jump=false: fall through). */")
    w("export function stackEffect(op: number, oparg: number, jump: boolean): number {")
    w("  switch (op) {")
    out.extend(effects)
    w("  }")
    w("  throw new Error(`stack effect of unknown opcode ${op}`);")
    w("}")
    w("")
    w("export function isJump(op: number): boolean {")
    w("  return HAS_JREL.has(op) || HAS_JABS.has(op);")
    w("}")
    w("")
    w("export function isBackwardJump(op: number): boolean {")
    w(f"  return op === JUMP_BACKWARD || op === JUMP_BACKWARD_NO_INTERRUPT || (op >= POP_JUMP_BACKWARD_IF_NOT_NONE && op <= POP_JUMP_BACKWARD_IF_TRUE);")
    w("}")
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    print(f"wrote {os.path.normpath(OUT)}")


if __name__ == "__main__":
    main()
