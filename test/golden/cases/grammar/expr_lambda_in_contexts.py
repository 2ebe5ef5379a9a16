f(key=lambda x: x[1])
sorted(items, key=lambda p: (p[1], p[0]))
[lambda: i for i in range(3)]
x = lambda a: a if a else None
(lambda: 1)()
{k: lambda: k for k in "ab"}
