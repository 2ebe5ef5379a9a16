def f():
    size = 3
    class C:
        def m(self, n=size):
            return n
    return C
