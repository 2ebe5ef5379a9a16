class C:
    __items = [1, 2]
    __doubled = [__x * 2 for __x in range(3)]
    __f = lambda self, __y: __y
