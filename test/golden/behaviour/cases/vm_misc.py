# VM details: from-import errors of built-in modules, frames (f_back, f_code, f_lineno), layout conflicts
import sys
def from_import_sys():
    from sys import no_such_name
show(from_import_sys)
def from_import_time():
    from time import no_such_name
show(from_import_time)
def from_import_itertools():
    from itertools import nope
show(from_import_itertools)
def import_missing():
    import no_such_module_here
show(import_missing)
def import_missing_sub():
    import os.no_such_sub
show(import_missing_sub)
def from_missing():
    from no_such_pkg import x
show(from_missing)
def frames():
    f = sys._getframe()
    return f.f_code.co_name, f.f_back.f_code.co_name, f.f_back.f_back.f_code.co_name, f.f_back.f_back.f_back
show(frames)
def module_frame_back():
    f = sys._getframe()
    while f.f_back is not None:
        f = f.f_back
    return f.f_code.co_name, f.f_back, f.f_globals is globals()
show(module_frame_back)
def frame_locals():
    a = 1
    b = 'two'
    return sys._getframe().f_locals
show(frame_locals)
def frame_line():
    return sys._getframe().f_lineno
show(frame_line)
show(lambda: sys._getframe(100))
show(lambda: type(sys._getframe()).__name__)
def caller_name():
    return sys._getframe(1).f_code.co_name
def calls_caller():
    return caller_name()
show(calls_caller)
def layout(*bases):
    return type('P', bases, {}).__mro__
for bases in ((OSError, ValueError), (ValueError, OSError), (KeyError, IndexError), (Exception, OSError),
              (UnicodeError, KeyError), (StopIteration, ValueError), (SystemExit, ValueError),
              (ImportError, OSError), (int, Exception), (dict, list), (list, tuple), (object, int)):
    show(lambda: [c.__name__ for c in layout(*bases)])
def with_statement_errors():
    with 5:
        pass
show(with_statement_errors)
class OnlyEnter:
    def __enter__(self):
        return self
def only_enter():
    with OnlyEnter():
        pass
show(only_enter)
def assert_msg():
    assert 1 == 2, ('tuple', 'message')
show(assert_msg)
def assert_plain():
    assert []
show(assert_plain)
def unbound():
    print(late)
    late = 1
show(unbound)
def free_unbound():
    def inner():
        return v
    r = inner()
    v = 1
    return r
show(free_unbound)
def name_error():
    return undefined_name_xyz
show(name_error)
def name_suggest():
    lenght = 3
    return lengt
show(name_suggest)
def attr_suggest():
    return [].apend
show(attr_suggest)
def del_unbound():
    del nothing_here
show(del_unbound)
def call_errors():
    def f(a, b, /, c, *, d):
        return a, b, c, d
    out = []
    for args, kwargs in (((1,), {}), ((1, 2, 3), {}), ((1, 2, 3, 4), {'d': 4}), ((1, 2), {'c': 3, 'd': 4, 'e': 5}),
                         ((1,), {'b': 2, 'c': 3, 'd': 4}), ((1, 2, 3), {'c': 3, 'd': 4}), ((1, 2, 3), {'d': 4})):
        try:
            out.append(f(*args, **kwargs))
        except TypeError as e:
            out.append(str(e))
    return out
show(call_errors)
def method_call_errors():
    class K:
        def m(self, x):
            return x
    out = []
    for call in (lambda: K().m(), lambda: K().m(1, 2), lambda: K.m(1), lambda: K().m(y=1)):
        try:
            out.append(call())
        except TypeError as e:
            out.append(str(e))
    return out
show(method_call_errors)
def defaults_and_kw():
    def f(a, b=2, *args, c, d=4, **kw):
        return a, b, args, c, d, kw
    return f(1, c=3), f(1, 5, 6, 7, c=0, z=9), f.__defaults__, f.__kwdefaults__, f.__code__.co_varnames
show(defaults_and_kw)
def closures():
    def make():
        n = 0
        def inc():
            nonlocal n
            n += 1
            return n
        return inc
    c = make()
    c()
    c()
    return c(), c.__closure__[0].cell_contents, type(c.__closure__[0]).__name__, c.__code__.co_freevars
show(closures)
def empty_cell():
    def outer():
        def inner():
            return x
        cell = inner.__closure__[0]
        try:
            return cell.cell_contents
        except ValueError as e:
            return str(e)
        x = 1
    return outer()
show(empty_cell)
