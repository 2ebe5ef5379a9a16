class C:
    def m(self, *, __k=1, __j):
        return __k
