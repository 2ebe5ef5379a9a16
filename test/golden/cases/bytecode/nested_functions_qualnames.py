def outer():
    def inner():
        class K:
            def m(self):
                return lambda: [x for x in ()]
        return K
    return inner
class A:
    class B:
        def c(self):
            pass
