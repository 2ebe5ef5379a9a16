#!/usr/bin/env python3
"""Development aid: print CPython's AST of FILE as JSON in the shape of runtime/src/syntax/ast.ts.

Lets work downstream of the parser (symtable, compiler) be exercised on CPython's own trees
while our parser is still growing. Never used by the tests, which must run without CPython.
Constants that JSON cannot hold are tagged: {"$int": "123"}, {"$float": "1.5"|"inf"|"nan"},
{"$complex": [re, im]}, {"$bytes": [..]}, {"$ellipsis": true}.
"""
import ast
import json
import math
import sys


def const(v):
    if v is None or isinstance(v, (bool, str)):
        return v
    if isinstance(v, int):
        return {"$int": str(v)}
    if isinstance(v, float):
        return {"$float": repr(v)}
    if isinstance(v, complex):
        return {"$complex": [repr(v.real), repr(v.imag)]}
    if isinstance(v, bytes):
        return {"$bytes": list(v)}
    if v is Ellipsis:
        return {"$ellipsis": True}
    raise TypeError(type(v))


def convert(node):
    if isinstance(node, list):
        return [convert(x) for x in node]
    if not isinstance(node, ast.AST):
        return node
    out = {"nodeType": type(node).__name__}
    for f in node._fields:
        v = getattr(node, f, None)
        if (isinstance(node, ast.Constant) and f == "value") or (isinstance(node, ast.MatchSingleton) and f == "value"):
            out[f] = const(v)
        else:
            out[f] = convert(v)
    for a in node._attributes:
        out[a] = getattr(node, a, None)
    return out


if __name__ == "__main__":
    src = open(sys.argv[1], encoding="utf-8").read()
    print(json.dumps(convert(ast.parse(src, sys.argv[1])), ensure_ascii=False))
