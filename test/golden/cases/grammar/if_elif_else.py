if a:
    pass
elif b:
    x = 1
elif c:
    x = 2
else:
    x = 3
if a: b = 1
if c: pass
else: d = 2
