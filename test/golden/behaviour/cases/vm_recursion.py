# deep recursion bounded by CPython's RecursionError, also inside native code (repr, ==, hash, str)
import sys
show(lambda: sys.getrecursionlimit())
def recurse(n):
    return recurse(n + 1)
show(lambda: recurse(0))
def deep_list(n):
    x = []
    for _ in range(n):
        x = [x]
    return x
show(lambda: len(repr(deep_list(100))))
show(lambda: repr(deep_list(100000)))
show(lambda: deep_list(100000) == deep_list(100000))
def deep_tuple(n):
    x = ()
    for _ in range(n):
        x = (x,)
    return x
show(lambda: hash(deep_tuple(100000)))
show(lambda: str(deep_tuple(100000)))
def deep_dict(n):
    x = {}
    for _ in range(n):
        x = {'k': x}
    return x
show(lambda: repr(deep_dict(100000)))
show(lambda: deep_dict(100000) == deep_dict(100000))
class Node:
    def __init__(self, child):
        self.child = child
    def __repr__(self):
        return f'Node({self.child!r})'
    def __eq__(self, other):
        return self.child == other.child
def chain(n):
    x = None
    for _ in range(n):
        x = Node(x)
    return x
show(lambda: repr(chain(10)))
show(lambda: repr(chain(100000)))
show(lambda: chain(100000) == chain(100000))
def after():
    return 'still alive', sys.getrecursionlimit()
show(after)
def limit_change():
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(60)
    try:
        recurse(0)
    except RecursionError as e:
        result = str(e)
    finally:
        sys.setrecursionlimit(old)
    return result
show(limit_change)
show(lambda: sys.setrecursionlimit(0))
show(lambda: sys.setrecursionlimit('x'))
def mutual_a(n):
    return mutual_b(n + 1)
def mutual_b(n):
    return mutual_a(n + 1)
show(lambda: mutual_a(0))
def catch_and_continue():
    count = 0
    def go(n):
        nonlocal count
        count = n
        go(n + 1)
    try:
        go(0)
    except RecursionError:
        pass
    return count > 900
show(catch_and_continue)
class Getattr:
    def __getattr__(self, name):
        return self.missing
show(lambda: Getattr().x)
