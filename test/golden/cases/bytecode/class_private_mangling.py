class _Under:
    __x = 1
    def __m(self, __a):
        __b = __a
        return self.__x, __b
    import __mod
    from m import __n
class __:
    __y = 1
