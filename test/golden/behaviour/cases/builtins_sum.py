# sum(): start values, argument errors, and the references a failing sum leaves (none)
import sys
show(lambda: (sum([1, 2, 3]), sum([1, 2], 10), sum([1.5, 2]), sum([[1], [2]], []), sum(((1,), (2,)), ()), sum([], start=7)))
show(lambda: sum())
show(lambda: sum([1], 2, 3))
show(lambda: sum([1], 2, start=3))
show(lambda: sum([1], x=3))
show(lambda: sum(iterable=[1]))
show(lambda: sum(5))
show(lambda: sum([1, 'a']))
show(lambda: sum(['a', 'b'], ''))
show(lambda: sum([b'a'], b''))
show(lambda: sum([], bytearray()))
def failing_sum_keeps_refcounts():
    start = [1]
    bad = object()
    items = [[2], bad]
    before = sys.getrefcount(start), sys.getrefcount(bad), sys.getrefcount(items)
    for _ in range(3):
        try:
            sum(items, start)
        except TypeError:
            pass
    return before == (sys.getrefcount(start), sys.getrefcount(bad), sys.getrefcount(items))
show(failing_sum_keeps_refcounts)
def refused_start_keeps_refcount():
    s = ''.join(['ab', 'c'])
    before = sys.getrefcount(s)
    for _ in range(3):
        try:
            sum([], s)
        except TypeError:
            pass
    return before == sys.getrefcount(s)
show(refused_start_keeps_refcount)
