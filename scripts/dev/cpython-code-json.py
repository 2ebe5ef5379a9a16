#!/usr/bin/env python3
"""Development aid: CPython 3.11's compiled code object of FILE as JSON in the shape of
runtime/src/compiler/codeObject.ts, so the VM can be exercised on CPython's own bytecode while
our compiler is being written (and the two compared). Never used by the tests.
co_code is given with adaptive instructions undone (dis._get_code_array(..., False)).
"""
import dis
import itertools
import json
import sys
import types
import importlib.util
import os

_spec = importlib.util.spec_from_file_location("cpython_ast_json", os.path.join(os.path.dirname(__file__), "cpython-ast-json.py"))
_ast_json = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_ast_json)
scalar_const = _ast_json.const


def const(v):
    """Scalars as in cpython-ast-json.py; code objects, tuples and frozensets on top."""
    if isinstance(v, types.CodeType):
        return {"$code": code(v)}
    if isinstance(v, tuple):
        return {"$tuple": [const(x) for x in v]}
    if isinstance(v, frozenset):
        return {"$frozenset": [const(x) for x in rebuild_order(v)]}
    return scalar_const(v)


def rebuild_order(v):
    """The items of frozenset `v` in an order whose one-by-one insertion (how a loaded constant
    is rebuilt, by marshal and by our VM) gives `v`'s own table, so iteration order survives the
    round trip: `v`'s iteration order when it does (usually), else the first permutation that
    does, for small sets."""
    items = list(v)
    if list(frozenset(items)) == items or len(items) > 8:
        return items
    for order in itertools.permutations(items):
        if list(frozenset(order)) == items:
            return list(order)
    return items


def code(c):
    names = [c._varname_from_oparg(i) for i in range(c.co_nlocals + len(c.co_cellvars) + len(c.co_freevars))
             if _ok(c, i)]
    raw = bytes(dis._get_code_array(c, False))
    units = [raw[i] | (raw[i + 1] << 8) for i in range(0, len(raw), 2)]
    return {
        "co_argcount": c.co_argcount, "co_posonlyargcount": c.co_posonlyargcount,
        "co_kwonlyargcount": c.co_kwonlyargcount, "co_stacksize": c.co_stacksize,
        "co_flags": c.co_flags, "co_code": units, "co_consts": [const(x) for x in c.co_consts],
        "co_names": list(c.co_names),
        "co_varnames": list(c.co_varnames), "co_cellvars": list(c.co_cellvars),
        "co_freevars": list(c.co_freevars), "co_nlocals": c.co_nlocals,
        "co_filename": c.co_filename, "co_name": c.co_name, "co_qualname": c.co_qualname,
        "co_firstlineno": c.co_firstlineno, "co_linetable": list(c.co_linetable),
        "co_exceptiontable": list(c.co_exceptiontable),
        "co_localsplusnames": names,
        "co_localspluskinds": [(0x20 if n in c.co_varnames else 0) | (0x40 if n in c.co_cellvars else 0)
                               | (0x80 if n in c.co_freevars else 0) for n in names],
    }


def _ok(c, i):
    try:
        c._varname_from_oparg(i)
        return True
    except Exception:
        return False


src = open(sys.argv[1], encoding="utf-8").read()
print(json.dumps(code(compile(src, sys.argv[1], "exec")), ensure_ascii=False))
