import operator
import heapq
import bisect

print(operator.add(2, 3), operator.mul(4, 5), operator.neg(3), operator.truediv(7, 2), operator.floordiv(7, 2))
print(operator.eq(1, 1), operator.lt(2, 1), operator.not_(0), operator.contains([1, 2], 2), operator.getitem('abc', 1))
get1 = operator.itemgetter(1)
get02 = operator.itemgetter(0, 2)
print(get1([5, 6, 7]), get02('xyz'), get1, get02)
pairs = [('b', 2), ('a', 3), ('c', 1)]
print(sorted(pairs, key=operator.itemgetter(1)))
class P:
    def __init__(self, name, age):
        self.name, self.age = name, age
people = [P('x', 30), P('y', 20)]
print([p.name for p in sorted(people, key=operator.attrgetter('age'))], operator.attrgetter('name', 'age')(people[0]))
print(operator.methodcaller('upper')('abc'), operator.methodcaller('split', ',')('a,b'))
print(operator.abs(-4), operator.index(5), operator.pow(2, 5), operator.mod(7, 3))

heap = []
for v in [5, 3, 8, 1, 9, 2]:
    heapq.heappush(heap, v)
print(heap)
print([heapq.heappop(heap) for _ in range(3)], heap)
data = [9, 4, 7, 1, 3]
heapq.heapify(data)
print(data, heapq.heapreplace(data, 10), data, heapq.heappushpop(data, 0))
print(heapq.nlargest(3, [1, 8, 2, 7, 3]), heapq.nsmallest(2, [5, 1, 4]), heapq.nlargest(2, ['a', 'bbb', 'cc'], key=len))
print(list(heapq.merge([1, 4, 7], [2, 5, 8])))
tasks = []
heapq.heappush(tasks, (2, 'write'))
heapq.heappush(tasks, (1, 'read'))
heapq.heappush(tasks, (3, 'exec'))
print(heapq.heappop(tasks), tasks)
try:
    heapq.heappop([])
except IndexError as e:
    print('IndexError:', e)

scores = [10, 20, 30, 40]
print(bisect.bisect_left(scores, 20), bisect.bisect_right(scores, 20), bisect.bisect(scores, 25))
bisect.insort(scores, 25)
bisect.insort_left(scores, 10)
print(scores)
def grade(score, breakpoints=[60, 70, 80, 90], grades='FDCBA'):
    return grades[bisect.bisect(breakpoints, score)]
print([grade(s) for s in [33, 99, 77, 70, 89, 90, 100]])
print(bisect.bisect_left([(1, 'a'), (3, 'b')], 2, key=lambda t: t[0]))
