def f(pairs):
    for a, *b in pairs:
        print(a, b)
    for (a, b), c in pairs:
        print(a, b, c)
