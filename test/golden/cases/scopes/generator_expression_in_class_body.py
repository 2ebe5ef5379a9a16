class C:
    base = 10
    gen = (i for i in range(base))
