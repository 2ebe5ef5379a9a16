# list slice assignment and deletion: growing/shrinking, extended slices, self-assignment, errors
def case(start, stop, step, value):
    a = list(range(8))
    a[start:stop:step] = value
    return a
for args in ((2, 5, None, ['x']), (2, 5, None, []), (0, 0, None, 'ab'), (None, None, None, [9]), (-2, None, None, (7, 8, 9)),
             (5, 2, None, ['y']), (None, None, 2, 'abcd'), (None, None, -2, 'abcd'), (1, 6, 2, [0, 0, 0]),
             (None, None, 2, 'ab'), (None, None, 1, range(3)), (100, None, None, [1])):
    show(lambda: case(*args))
def assign_int():
    a = [1]
    a[0:1] = 5
show(assign_int)
def assign_self():
    a = [1, 2, 3]
    a[1:] = a
    return a
show(assign_self)
def dels(sl):
    a = list(range(10))
    del a[sl]
    return a
for sl in (slice(2, 5), slice(None, None, 2), slice(None, None, -3), slice(8, 2, -2), slice(100, 200), slice(-3, None)):
    show(lambda: dels(sl))
def del_index():
    a = [1, 2, 3]
    del a[1]
    del a[-1]
    return a
show(del_index)
def del_bad():
    a = [1]
    del a[3]
show(del_bad)
def setitem_bad():
    a = [1]
    a[3] = 0
show(setitem_bad)
def setitem_str():
    a = [1]
    a['x'] = 0
show(setitem_str)
show(lambda: list(range(10))[slice(2, 8, 3)])
show(lambda: list(range(10))[-3:-1])
show(lambda: list(range(10))[2**70:])
show(lambda: list(range(10))[-2**70:2])
show(lambda: list(range(10))[::-2**70])
class Idx:
    def __index__(self):
        return 2
show(lambda: list(range(10))[Idx():Idx() * 3 if False else 7])
show(lambda: list(range(10))[Idx()])
show(lambda: list(range(10))[None:Idx()])
show(lambda: 'abcdef'[Idx()::Idx()])
show(lambda: (1, 2, 3, 4)[::Idx()])
show(lambda: list(range(5))[1:4:None])
