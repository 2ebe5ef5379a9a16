import sys
# an instance __dict__ is a split table on its class's shared keys (30 usable slots, one taken
# by each new instance); it becomes a combined table on a non-str key or when the keys are full
class P:
    pass
a = P(); a.x = 1; a.y = 2
b = P(); b.y = 1; b.x = 2
print(sys.getsizeof(a.__dict__), sys.getsizeof(b.__dict__), list(b.__dict__))
c = P(); d = c.__dict__; d['z'] = 1; print(sys.getsizeof(d))
d[1] = 2; print(sys.getsizeof(d))
e = P(); e.__dict__.clear(); print(sys.getsizeof(e.__dict__))
f = P(); f.x = 1; del f.x; print(sys.getsizeof(f.__dict__))
class Q: pass
qs = [Q() for i in range(40)]
for i in range(35): setattr(qs[0], 'a%d' % i, i)
print(sys.getsizeof(qs[0].__dict__), sys.getsizeof(Q().__dict__))
class R(P): pass
r = R(); r.x = 1; print(sys.getsizeof(r.__dict__))
class S:
    def __init__(self): self.v = 1
print(sys.getsizeof(S().__dict__), sys.getsizeof(S().__dict__))
class E(Exception): pass
x = E(); x.w = 1; print(sys.getsizeof(x.__dict__))
class L(list): pass
l = L(); l.w = 1; print(sys.getsizeof(l.__dict__))
class L2(L): pass
l = L2(); l.w = 1; l.v = 2; print(sys.getsizeof(l.__dict__))
