def f():
    T = int
    class C:
        x: T
    return C
