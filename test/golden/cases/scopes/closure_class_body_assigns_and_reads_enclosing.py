def f():
    x = 1
    class C:
        x = x + 1
        y = x
    return C
