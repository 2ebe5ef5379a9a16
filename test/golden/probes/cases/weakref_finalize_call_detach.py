import weakref
class A:
    pass
a = A()
f = weakref.finalize(a, lambda x: x * 2, 21)
print(f(), f.alive, f())
g = weakref.finalize(a, print, "never")
obj, func, args, kwargs = g.detach()
print(obj is a, args, g.alive)
h = weakref.finalize(a, print, "peeked")
print(h.peek()[2], h.alive)
h.detach()
