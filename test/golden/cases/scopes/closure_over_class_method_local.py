class C:
    def m(self):
        x = 1
        def inner():
            return x, self
        return inner
