def f():
    x = 1
    class C:
        def method(self):
            return x
    return C
