# iteration builtins: len, any, all, sorted, iter/next, enumerate/zip (own file), sum, in, dict/set consumers
show(lambda: (len('abc'), len([1]), len({}), len(range(10)), len(b''), len(frozenset('ab')), len({'a': 1}.items())))
show(lambda: len(5))
show(lambda: len())
show(lambda: len(iter([1])))
class BadLen:
    def __len__(self):
        return -1
class FloatLen:
    def __len__(self):
        return 1.5
class BigLen:
    def __len__(self):
        return 2**64
class IdxLen:
    def __len__(self):
        return True
show(lambda: len(BadLen()))
show(lambda: len(FloatLen()))
show(lambda: len(BigLen()))
show(lambda: len(IdxLen()))
show(lambda: (any([]), all([]), any([0, '', 1]), all([1, 'a', []]), any(x > 3 for x in range(5)), all('abc')))
show(lambda: any(5))
def short_circuit():
    seen = []
    def check(x):
        seen.append(x)
        return x > 1
    return any(check(x) for x in range(5)), seen
show(short_circuit)
show(lambda: (sorted((3, 1, 2)), sorted({'b': 1, 'a': 2}), sorted('cba', reverse=True)))
show(lambda: list(iter('ab')))
show(lambda: dict.fromkeys(iter('ab')))
show(lambda: set(iter([1, 1, 2])))
show(lambda: tuple(x for x in range(3)))
show(lambda: [*range(3), *'ab'])
show(lambda: {**dict(a=1)})
show(lambda: dict(**{'a': 1}, b=2))
show(lambda: dict(**{1: 2}))
show(lambda: list(*[[1, 2]]))
def star_not_iterable():
    return [*5]
show(star_not_iterable)
def double_star_bad():
    return {**[1]}
show(double_star_bad)
def call_star_bad():
    return print(*5)
show(call_star_bad)
def call_kwargs_bad():
    return print(**[1])
show(call_kwargs_bad)
def call_kwargs_dup():
    return dict(a=1, **{'a': 2})
show(call_kwargs_dup)
show(lambda: max(range(10), key=lambda n: (n % 3, n)))
show(lambda: list(reversed(sorted({3: 'c', 1: 'a'}.items()))))
