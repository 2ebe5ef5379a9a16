class C:
    __slots__ = ("a",)
    __qualname__ = "X"
    def __init__(self):
        self.__private = 1
    def get(self):
        return self.__private
