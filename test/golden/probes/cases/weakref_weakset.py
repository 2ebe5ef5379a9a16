import weakref
class A:
    pass
s = weakref.WeakSet()
a = A(); b = A()
s.add(a); s.add(b); s.add(a)
print(len(s), a in s, 1 in s)
del a
print(len(s))
s.discard(b)
print(len(s))
