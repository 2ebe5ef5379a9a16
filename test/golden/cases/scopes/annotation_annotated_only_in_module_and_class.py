count: int
class C:
    size: int
    def m(self):
        total: int
        return size
