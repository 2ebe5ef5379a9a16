from collections import defaultdict, OrderedDict, Counter, ChainMap

dd = defaultdict(list)
for word in ['apple', 'avocado', 'banana']:
    dd[word[0]].append(word)
print(dd)
print(dict(dd), dd['z'], len(dd))
counts = defaultdict(int)
for ch in 'mississippi':
    counts[ch] += 1
print(counts)
print(defaultdict(None))
try:
    defaultdict()['missing']
except KeyError as e:
    print('KeyError:', e)

od = OrderedDict()
od['b'] = 1
od['a'] = 2
od['c'] = 3
print(od)
od.move_to_end('b')
print(list(od))
od.move_to_end('c', last=False)
print(list(od.items()))
print(od.popitem(), od.popitem(last=False), od)
print(OrderedDict(), OrderedDict(a=1) == OrderedDict(a=1))
print(OrderedDict([('a', 1), ('b', 2)]) == OrderedDict([('b', 2), ('a', 1)]))

c = Counter('abracadabra')
print(c)
print(c.most_common(2), c['a'], c['z'])
c2 = Counter(a=1, b=5)
print(c + c2)
print(c - c2)
print(c & c2, c | c2)
print(sorted(c.elements()))
print(Counter(), Counter([1, 1, 2]).total())
c.update('aaa')
c.subtract({'b': 10})
print(c)
print(+c, -c)

base = {'a': 1, 'b': 2}
override = {'b': 3}
cm = ChainMap(override, base)
print(cm['a'], cm['b'], len(cm), sorted(cm))
print(cm)
child = cm.new_child({'c': 4})
print(child['c'], child.parents)
