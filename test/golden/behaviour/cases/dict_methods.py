# dict methods: get/setdefault/pop/popitem/update/copy/clear/keys/values/items and errors
def run():
    d = {'a': 1}
    out = [d.get('a'), d.get('b'), d.get('b', 0), d.setdefault('a', 5), d.setdefault('c', 3), d.setdefault('n')]
    out.append(d.pop('a'))
    out.append(d.pop('zz', 'dflt'))
    out.append(d)
    return out
show(run)
show(lambda: {}.pop('k'))
show(lambda: {}.pop())
show(lambda: {}.popitem())
def popitem():
    d = {1: 'a', 2: 'b', 3: 'c'}
    return d.popitem(), d.popitem(), d
show(popitem)
def update():
    d = {'a': 1}
    d.update({'b': 2})
    d.update([('c', 3)])
    d.update(d=4, a=0)
    d.update()
    return d
show(update)
show(lambda: {}.update(1))
show(lambda: {}.update([1]))
show(lambda: {}.update([(1, 2, 3)]))
show(lambda: {}.update({}, {}))
class KeysOnly:
    def keys(self):
        return ['x', 'y']
    def __getitem__(self, k):
        return k.upper()
def update_keys():
    d = {}
    d.update(KeysOnly())
    return d, dict(KeysOnly())
show(update_keys)
def copy():
    a = {'l': [1]}
    b = a.copy()
    b['l'].append(2)
    b['n'] = 1
    return a, b
show(copy)
def clear():
    d = {1: 2}
    r = d.clear()
    return d, r
show(clear)
show(lambda: {}.get())
show(lambda: {}.get(1, 2, 3))
show(lambda: {}.get([]))
show(lambda: {}.setdefault([]))
show(lambda: {1: 2}.get(1.0))
show(lambda: dict.get({1: 2}, 1))
show(lambda: {'a': 1}.keys())
show(lambda: {'a': 1}.values())
show(lambda: {'a': 1}.items())
show(lambda: {}.keys())
show(lambda: reversed({1: 2, 3: 4}))
show(lambda: list(reversed({1: 2, 3: 4})))
show(lambda: list(reversed({1: 2, 3: 4}.items())))
show(lambda: list(reversed({1: 2, 3: 4}.values())))
show(lambda: {1: 2}.__reversed__())
show(lambda: dict.fromkeys(['a', 'b'], 0))
show(lambda: {}.fromkeys('xy'))
class D(dict):
    pass
show(lambda: D.fromkeys('ab'))
show(lambda: type(D.fromkeys('ab')))
show(lambda: type(D(a=1).copy()))
show(lambda: {}.__sizeof__() > 0)
