import gc
d = {}
print(gc.is_tracked(d))
d['a'] = 1
print(gc.is_tracked(d))
d['b'] = "x"
print(gc.is_tracked(d))
d['c'] = []
print(gc.is_tracked(d))
del d['c']
print(gc.is_tracked(d))
e = {'k': {}}
print(gc.is_tracked(e))
