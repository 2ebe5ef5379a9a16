import string
import keyword
import types
import os
import os.path
import sys

print(string.ascii_letters, string.digits, string.hexdigits, string.octdigits)
print(repr(string.whitespace), string.punctuation)
print(len(string.printable), string.capwords('hello   wide world'))
t = string.Template('$who likes ${what}; costs $$5')
print(t.substitute(who='tim', what='pie'), t.safe_substitute(who='ann'))
try:
    t.substitute(who='x')
except KeyError as e:
    print('KeyError:', e)
print(keyword.iskeyword('for'), keyword.iskeyword('match'), keyword.issoftkeyword('match'), len(keyword.kwlist))
ns = types.SimpleNamespace(a=1, b='two')
ns.c = [3]
print(ns, ns.a, ns == types.SimpleNamespace(a=1, b='two', c=[3]))
def f(): pass
def g(): yield
print(isinstance(f, types.FunctionType), isinstance(g(), types.GeneratorType), isinstance(len, types.BuiltinFunctionType))
print(isinstance(sys, types.ModuleType), types.NoneType is type(None))
print(os.path.join('a', 'b', 'c.txt'), os.path.join('/root', '/abs'), os.path.basename('/x/y.py'), os.path.dirname('/x/y.py'))
print(os.path.splitext('archive.tar.gz'), os.path.split('/a/b/c'), os.path.normpath('a//b/../c/.'), os.path.isabs('/x'))
print(os.sep, os.linesep == '\n', os.path.exists('/definitely/not/here.txt'), os.name)
print('sys' in sys.modules, 'os.path' in sys.modules, 'json' in sys.modules)
import json
print('json' in sys.modules, sys.modules['json'] is json)
from collections import abc
import collections
print(abc is collections.abc)
try:
    import no_such_module_here
except ModuleNotFoundError as e:
    print(e, e.name)
try:
    from math import no_such_name
except ImportError as e:
    print(type(e).__name__, e.name)
try:
    import os.nope
except ModuleNotFoundError as e:
    print(e)
