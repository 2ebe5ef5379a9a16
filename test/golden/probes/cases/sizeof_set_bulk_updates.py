import sys
# set displays, update, -=, &=, difference_update keep CPython's table size and order
def show(s):
    print(len(s), sys.getsizeof(s), list(s))
show({1, 2, 3, 4, 5})
show({*range(20), 100})
s = set(range(40))
s -= set(range(0, 40, 3))
show(s)
s = set(range(40))
s.difference_update(range(0, 40, 2), [33, 35])
show(s)
s = set(range(100))
s -= {5, 50, 95}
show(s)
s = set(range(64, 0, -1))
s &= {3, 70, 9, 64, 1}
show(s)
s = {1, 2}
s.update({10, 20, 30, 40, 50, 60}, [7, 8])
show(s)
s = {100}
s.update({'a': 1, 'b': 2, 'c': 3, 'd': 4, 'e': 5}.keys())
print(len(s), sys.getsizeof(s))
s = {100}
s.update(dict.fromkeys(range(8)))
show(s)
s = {9, 8}
s |= frozenset(range(12))
show(s)
t = {1.0, 2.0}
t &= {1, 2, 3}
print(t, [type(x).__name__ for x in t])
