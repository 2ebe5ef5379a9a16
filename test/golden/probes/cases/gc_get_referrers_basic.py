import gc
x = []
holder = [x]
d = {"key": x}
refs = gc.get_referrers(x)
print(any(r is holder for r in refs), any(r is d for r in refs))
print(any(r is globals() for r in refs))
