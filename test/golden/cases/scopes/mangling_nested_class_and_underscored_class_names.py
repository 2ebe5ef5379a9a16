class _Private:
    __a = 1
    class __Inner:
        __b = 2
        def m(self):
            __c = 3
            return __c
class ___Underscores:
    __d = 4
class __:
    __e = 5
