import weakref
s = {1, 2}
fs = frozenset([3])
rs = weakref.ref(s)
rfs = weakref.ref(fs)
print(rs() == {1, 2}, rfs() == frozenset([3]))
del s, fs
print(rs(), rfs())
