__g = 1
class C:
    def m(self):
        global __g
        __g = 2
        __h = 3
        def inner():
            nonlocal __h
            __h = 4
        return inner
