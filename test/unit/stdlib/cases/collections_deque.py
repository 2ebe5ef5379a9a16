from collections import deque

d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
print(d, len(d), d[0], d[-1])
print(d.pop(), d.popleft(), d)
d.extend([7, 8])
d.extendleft([-1, -2])
print(d)
d.rotate(2)
print(d)
d.rotate(-3)
print(d)
print(d.count(7), d.index(7), 3 in d, list(reversed(d)))
d.remove(7)
print(d)
limited = deque(maxlen=3)
for i in range(6):
    limited.append(i)
print(limited, limited.maxlen)
limited.appendleft(99)
print(limited)
empty = deque()
try:
    empty.pop()
except IndexError as e:
    print('IndexError:', e)
try:
    empty.popleft()
except IndexError as e:
    print('IndexError:', e)
print(deque('abc') == deque('abc'), deque(), bool(deque()))
d2 = deque([1, 2]) + deque([3])
print(d2, d2 * 2)
d2.clear()
print(d2)
try:
    deque([1])[5]
except IndexError as e:
    print('IndexError:', e)
