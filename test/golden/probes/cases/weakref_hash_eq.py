import weakref
class A:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return self.v
    def __eq__(self, other):
        return self.v == other.v
a = A(7); b = A(7)
ra = weakref.ref(a); rb = weakref.ref(b)
print(hash(ra), ra == rb, ra != rb)
del a
print(ra == rb, hash(ra))
