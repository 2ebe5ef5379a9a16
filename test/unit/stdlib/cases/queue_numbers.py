import queue
import numbers
from fractions import Fraction

q = queue.Queue()
for item in ['a', 'b', 'c']:
    q.put(item)
print(q.qsize(), q.get(), q.get(), q.empty(), q.full())
lifo = queue.LifoQueue()
for i in range(3):
    lifo.put(i)
print([lifo.get() for _ in range(3)])
pq = queue.PriorityQueue()
for task in [(3, 'low'), (1, 'urgent'), (2, 'normal')]:
    pq.put(task)
print([pq.get() for _ in range(3)])
bounded = queue.Queue(maxsize=1)
bounded.put(1)
try:
    bounded.put_nowait(2)
except queue.Full:
    print('Full')
try:
    queue.Queue().get_nowait()
except queue.Empty:
    print('Empty')

graph = {'A': ['B', 'C'], 'B': ['D'], 'C': ['D'], 'D': []}
seen, order, frontier = {'A'}, [], queue.Queue()
frontier.put('A')
while not frontier.empty():
    node = frontier.get()
    order.append(node)
    for nxt in graph[node]:
        if nxt not in seen:
            seen.add(nxt)
            frontier.put(nxt)
print(order)

print(isinstance(3, numbers.Integral), isinstance(3.5, numbers.Real), isinstance(3.5, numbers.Integral))
print(isinstance(True, numbers.Number), isinstance('3', numbers.Number), isinstance(Fraction(1, 2), numbers.Rational))
print(issubclass(int, numbers.Complex), issubclass(float, numbers.Rational))
