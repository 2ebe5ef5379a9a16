def f():
    for x in [1, 2, 3]:
        print(x)
    for y in {4, 5}:
        print(y)
    for z in (6, 7):
        print(z)
