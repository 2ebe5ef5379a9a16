import itertools as it

print(list(it.islice(it.count(10, 5), 4)), list(it.islice(it.cycle('ab'), 5)), list(it.repeat('x', 3)))
print(list(it.accumulate([1, 2, 3, 4])), list(it.accumulate([1, 2, 3], lambda a, b: a * b)), list(it.accumulate([1, 2], initial=100)))
print(list(it.chain('ab', [1, 2])), list(it.chain.from_iterable([[1], [2, 3]])))
print(list(it.compress('abcdef', [1, 0, 1, 0, 1, 1])))
print(list(it.dropwhile(lambda x: x < 3, [1, 2, 3, 4, 1])), list(it.takewhile(lambda x: x < 3, [1, 2, 3, 4, 1])))
print(list(it.filterfalse(lambda x: x % 2, range(10))))
print([(k, list(g)) for k, g in it.groupby('aaabbcaa')])
print([(k, len(list(g))) for k, g in it.groupby(sorted(['apple', 'bob', 'avocado', 'cat']), key=lambda w: w[0])])
print(list(it.islice('abcdefg', 2)), list(it.islice('abcdefg', 2, 4)), list(it.islice('abcdefg', 0, None, 2)))
print(list(it.starmap(pow, [(2, 3), (3, 2)])))
a, b = it.tee([1, 2, 3])
print(list(a), list(b))
print(list(it.zip_longest('ab', [1, 2, 3], fillvalue='-')))
print(list(it.product('ab', [1, 2])), list(it.product([0, 1], repeat=2)))
print(list(it.permutations([1, 2, 3])), len(list(it.permutations(range(4), 2))))
print(list(it.combinations('abcd', 2)), list(it.combinations_with_replacement('ab', 2)))
print(list(it.pairwise([1, 2, 3, 4])), list(it.pairwise([])))
print(sum(1 for _ in it.combinations(range(10), 3)))
print(repr(it.permutations([1, 2])).split(" at ")[0], type(it.count()).__name__, repr(it.chain("a")).split(" at ")[0], type(it.product('a')))
for bad in [lambda: it.permutations('abc', -1), lambda: it.combinations('abc', -2), lambda: it.product('a', repeat=-1)]:
    try:
        bad()
    except ValueError as e:
        print('ValueError:', e)
print(next(it.islice(it.count(3), 1, None)), list(it.repeat(7, 2)))
