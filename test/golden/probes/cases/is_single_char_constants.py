import sys
# one-character constants vs the latin-1 singletons chr() returns
consts = ["A", "B", "C", "g", "u", "z", "_", "a", "x", "y", "0", " ", "\xe9", "Z"]
print([c for c in consts if c is chr(ord(c))])
print([c for c in consts if c is not chr(ord(c))])
b = "b"
g = "g"
s = "xyz"
y = "y"
print(sys.intern(chr(98)) is b, sys.intern(chr(103)) is g, s[1] is y, s[1] is chr(121))
def f(t):
    return t.q, t.b
class T:
    q = 1
    b = 2
q = "q"
print(f(T), getattr(T, chr(113)), q is chr(113), "b" in T.__dict__)
