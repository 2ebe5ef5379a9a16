import abc
@dec
class C(Base, metaclass=abc.ABCMeta, flag=True):
    """doc"""
    x: int = 1
    y: str
    def __init__(self):
        self.__private = 1
        self._C__other = 2
    @property
    def p(self):
        return self.__private
