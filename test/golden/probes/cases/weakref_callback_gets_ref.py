import weakref
class A:
    pass
a = A()
seen = []
r = weakref.ref(a, seen.append)
del a
print(seen[0] is r, seen[0]())
