# set methods: add/remove/discard/pop/clear/copy/update family/union family/predicates, errors
def run():
    s = {1, 2}
    s.add(3)
    s.add(1)
    s.discard(9)
    s.discard(2)
    s.remove(3)
    return s
show(run)
show(lambda: set().remove(1))
show(lambda: set().remove([]))
show(lambda: set().discard([]))
show(lambda: set().pop())
show(lambda: {5}.pop())
show(lambda: set().add([]))
def updates():
    s = {1, 2, 3, 4}
    s.update([5], 'a')
    s.intersection_update({1, 2, 3, 'a', 5}, [1, 2, 'a', 5])
    s.difference_update([1], {2})
    s.symmetric_difference_update({5, 6})
    return s
show(updates)
a = {1, 2, 3}
show(lambda: (a.union(), a.union([4], (5,)), a.intersection([2, 3], {3}), a.difference([1], [2]), a.symmetric_difference([3, 4])))
show(lambda: (a.issubset([1, 2, 3, 4]), a.issuperset([1]), a.isdisjoint([4]), a.isdisjoint([1]), a.issubset('abc')))
show(lambda: a.union(1))
show(lambda: a.symmetric_difference([3], [4]))
show(lambda: a.issubset(5))
def copy():
    s = {1}
    t = s.copy()
    t.add(2)
    return s, t
show(copy)
def clear():
    s = {1}
    s.clear()
    return s
show(clear)
show(lambda: set.union({1}, {2}))
show(lambda: set.union([1], {2}))
show(lambda: {1}.__or__([2]))
show(lambda: {1}.__ror__({2}))
show(lambda: {1}.__and__(5))
show(lambda: {1}.__ior__({2}))
show(lambda: {1}.__contains__(1))
show(lambda: {1}.__eq__(5))
show(lambda: {1}.__lt__(5))
class S(set):
    pass
show(lambda: S([1, 2]))
show(lambda: type(S([1]) | {2}))
show(lambda: type(S([1]).copy()))
show(lambda: type(S([1]).union()))
show(lambda: S([1]) == {1})
show(lambda: set().__sizeof__() > 0)
show(lambda: set.add)
show(lambda: {1, 2, 3}.intersection())
def pop_order():
    s = set(range(10, 0, -1))
    return [s.pop() for _ in range(4)], s
show(pop_order)
