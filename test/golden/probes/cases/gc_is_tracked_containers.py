import gc
class A:
    pass
def f():
    pass
print(gc.is_tracked([]), gc.is_tracked({}), gc.is_tracked(set()), gc.is_tracked(frozenset([1])))
print(gc.is_tracked(A()), gc.is_tracked(f), gc.is_tracked(A), gc.is_tracked(object()))
