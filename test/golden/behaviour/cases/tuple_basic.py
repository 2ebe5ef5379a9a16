# tuple: construction, repr of 0/1/n items, indexing, slicing, comparison, hash, count/index, unpacking
t = (1, 'a', 2.5, None)
show(lambda: ((), (1,), (1, 2), t, tuple(), tuple('ab'), tuple([1]), tuple(range(3))))
show(lambda: (len(t), t[0], t[-1], t[1:3], t[::-1], t[5:], t.count(1), t.index('a')))
show(lambda: t[4])
show(lambda: t.index(9))
show(lambda: t.index(2.5, 1, 3))
show(lambda: t.index(2.5, 3))
show(lambda: (t + (5,), t * 2, 0 * t, (1,) * 3))
show(lambda: t + [5])
show(lambda: tuple(5))
def assign():
    t[0] = 1
show(assign)
def delete():
    del t[0]
show(delete)
show(lambda: ((1, 2) < (1, 3), (1, 2) < (1, 2, 3), () < (0,), (1, 'a') == (1, 'a'), (1,) == [1]))
show(lambda: (1, 'a') < (1, 2))
for x in ((), (1,), (1, 2), (1, (2, 3)), ('a', 'b'), (1.5, -1), ((),), (2**70, -1)):
    show(lambda: hash(x))
show(lambda: hash((1, [2])))
show(lambda: {(1, 2): 'a', (2, 1): 'b'})
show(lambda: ((1, 2) in {(1, 2)}, 1 in (1, 2), [1] in ([1],)))
def unpack():
    a, *b, c = (1, 2, 3, 4, 5)
    (d, e), f = (6, 7), 8
    return a, b, c, d, e, f
show(unpack)
def unpack_bad():
    a, b = (1, 2, 3)
show(unpack_bad)
def unpack_bad2():
    a, b, c = (1, 2)
show(unpack_bad2)
def unpack_bad3():
    a, *b, c = (1,)
show(unpack_bad3)
def unpack_int():
    a, b = 1
show(unpack_int)
show(lambda: tuple.__name__)
show(lambda: type(()))
show(lambda: () is ())
show(lambda: repr(((),)))
show(lambda: (1, 2).__getnewargs__())
show(lambda: (1, 2).__len__())
show(lambda: sorted(n for n in dir(()) if not n.startswith('_')))
class T(tuple):
    pass
show(lambda: T((1, 2)))
show(lambda: type(T((1, 2)) + (3,)))
show(lambda: type(T((1, 2))[:]))
show(lambda: tuple(T((1,))) == (1,))
show(lambda: iter(()))
show(lambda: type(iter(())))
show(lambda: [*(1, 2), *()])
show(lambda: tuple(x * 2 for x in range(3)))
show(lambda: (1, 2, 3)[True:])
show(lambda: (float('nan'),) == (float('nan'),))
