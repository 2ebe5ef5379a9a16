# list methods: append/extend/insert/remove/pop/index/count/reverse/copy/clear and their errors
def run():
    a = [3, 1, 2]
    a.append(4)
    a.extend([5, 6])
    a.extend('xy')
    a.extend(range(2))
    a.insert(0, 'first')
    a.insert(100, 'last')
    a.insert(-100, 'very first')
    a.insert(-1, 'before last')
    return a
show(run)
def pops():
    a = list(range(6))
    return a.pop(), a.pop(0), a.pop(-2), a
show(pops)
show(lambda: [].pop())
show(lambda: [1].pop(5))
show(lambda: [1].pop('a'))
def remove():
    a = [1, 2, 3, 2]
    a.remove(2)
    return a
show(remove)
show(lambda: [1].remove(9))
show(lambda: [1, 2, 3, 2].index(2))
show(lambda: [1, 2, 3, 2].index(2, 2))
show(lambda: [1, 2, 3, 2].index(2, -1))
show(lambda: [1, 2, 3, 2].index(2, 0, 1))
show(lambda: [1, 2, 3].index(9))
show(lambda: [1, 2, 3].index(1, 'a'))
show(lambda: [1, 1.0, True, 2].count(1))
show(lambda: [[1], [1]].count([1]))
def reverse():
    a = [1, 2, 3]
    r = a.reverse()
    return a, r
show(reverse)
def copy():
    a = [[1]]
    b = a.copy()
    b[0].append(2)
    b.append(3)
    return a, b
show(copy)
def clear():
    a = [1, 2]
    a.clear()
    return a
show(clear)
show(lambda: [].append())
show(lambda: [].append(1, 2))
show(lambda: [].extend(1))
show(lambda: [].insert(1))
show(lambda: [].insert('a', 1))
def extend_self():
    a = [1, 2]
    a.extend(a)
    return a
show(extend_self)
class Eq:
    def __eq__(self, other):
        return True
show(lambda: [1, 2].index(Eq()))
show(lambda: [1, 2].count(Eq()))
show(lambda: Eq() in [5])
class Boom:
    def __eq__(self, other):
        raise ValueError('boom')
show(lambda: [1, 2].index(Boom()))
show(lambda: Boom() in [1])
show(lambda: [Boom()] == [Boom()])
def same_identity():
    b = Boom()
    return [b] == [b], b in [b], [b].count(b)
show(same_identity)
nan = float('nan')
show(lambda: (nan in [nan], [nan] == [nan], [nan].count(nan), [float('nan')] == [float('nan')]))
show(lambda: list.append)
show(lambda: [].append)
show(lambda: list.append([], 1))
show(lambda: list.append((), 1))
