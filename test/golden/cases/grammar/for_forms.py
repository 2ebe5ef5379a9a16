for x in y:
    pass
for x, y in z:
    pass
for x in 1, 2, 3:
    pass
for x in *a, *b:
    pass
for x.attr in y:
    pass
for x[0] in y:
    pass
for i in range(3):
    pass
else:
    print("no break")
