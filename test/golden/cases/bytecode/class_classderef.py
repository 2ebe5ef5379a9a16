def f():
    x = 1
    class C:
        x = x
        def g(self):
            return x
    return C
