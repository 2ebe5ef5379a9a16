# Set order and hashes follow CPython (PYTHONHASHSEED=0); __del__ runs when the last reference goes.
s = {3, 1, 'b', 'x', 2, (1, 2), 'apple'}
print(s, set('hello'), hash('abc'), hash((1, 2)), hash(1.5), hash(-1))
s.discard('b')
s.add(100)
print(s, s.pop(), frozenset({1, 2}) | {3})

class Tracked:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)

a = Tracked("a")
b = Tracked("b")
a = None
print("after a")
lst = [Tracked("in list")]
del lst
print("after list")
def gen():
    try:
        yield 1
        yield 2
    finally:
        print("gen closed")
g = gen()
print(next(g))
g.close()
import sys
print(sys.getsizeof(b) > 0, sys.getrecursionlimit())
