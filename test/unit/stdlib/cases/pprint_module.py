import pprint

data = {'name': 'PyXray', 'versions': [3.9, 3.10, 3.11], 'tags': ('debugger', 'runtime'),
        'owners': [{'login': 'ada', 'commits': 1200}, {'login': 'grace', 'commits': 998}],
        'matrix': [[1, 2, 3], [4, 5, 6], [7, 8, 9]], 'empty': {}, 'zeta': None}
pprint.pprint(data)
pprint.pprint({'b': 1, 'a': 2})
pprint.pprint(list(range(40)))
pprint.pprint(list(range(40)), compact=True)
pprint.pprint(data, width=40, indent=2)
pprint.pprint(data, depth=1)
pprint.pp({'b': 1, 'a': [1, 2]})
print(pprint.pformat({'x': [1] * 30, 'y': (1,)}, width=50))
nested = [1, [2, [3, [4, [5]]]]]
pprint.pprint(nested, depth=2)
rec = [1, 2]
rec.append(rec)
print(pprint.pformat(rec).split('id=')[0])
print(pprint.saferepr(rec).startswith('[1, 2, <Recursion on list with id='), pprint.isrecursive(rec), pprint.isreadable([1, 'a']))
pprint.pprint({frozenset({3, 1}), 'x'} if False else set(range(30)))
