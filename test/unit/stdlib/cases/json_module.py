import json

data = {'name': 'Ada', 'langs': ['py', 'ts'], 'age': 36, 'score': 9.5, 'active': True, 'spouse': None}
print(json.dumps(data))
print(json.dumps(data, indent=2))
print(json.dumps(data, indent=4, sort_keys=True))
print(json.dumps([1, [2, [3, {}]], []], indent=1))
print(json.dumps(data, separators=(',', ':')))
print(json.dumps('héllo "world"\n\t☃'), json.dumps('héllo', ensure_ascii=False), json.dumps('\U0001f600'))
print(json.dumps({1: 'int key', 2.5: 'float', True: 'bool', None: 'none'}))
print(json.dumps([float('inf'), float('nan'), -0.0, 1e100, 1.0, 123456789012345678901234567890]))
print(json.dumps((1, 2)), json.dumps({'b': 1, 'a': 2}, sort_keys=True))
print(json.dumps({'when': object()}, default=lambda o: 'custom'))
text = '{"a": [1, 2.5, -3e2, true, false, null], "b": {"c": "\\u00e9\\n"}, "d": ""}'
obj = json.loads(text)
print(obj, type(obj['a'][1]).__name__, type(obj['a'][2]).__name__)
print(json.loads('  [ ]  '), json.loads('"x"'), json.loads('12'), json.loads('NaN'), json.loads('-Infinity'))
print(json.loads('{"x": 1}', object_hook=lambda d: sorted(d.items())))
print(json.loads(json.dumps(data)) == data)
for bad in ['', '{', '[1, 2', '{"a": 1,}', '[1,]', '{"a" 1}', "{'a': 1}", '[1] x', '"\\q"', '01', 'tru']:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print(repr(bad), '->', e, e.pos, e.lineno, e.colno)
try:
    json.dumps({'s': {1, 2}})
except TypeError as e:
    print('TypeError:', e)
try:
    json.dumps({(1, 2): 'tuple key'})
except TypeError as e:
    print('TypeError:', e)
cyc = []
cyc.append(cyc)
try:
    json.dumps(cyc)
except ValueError as e:
    print('ValueError:', e)
print(isinstance(json.JSONDecodeError('m', 'doc', 0), ValueError))
