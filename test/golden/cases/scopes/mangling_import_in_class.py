class C:
    import __future__ as __fut
    from os import path as __path
    def m(self):
        return self.__path
