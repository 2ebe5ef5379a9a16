class C:
    __init__ = None
    _single = 1
    __trailing_ = 2
    __both__ = 3
    def m(self, __param):
        return __param
