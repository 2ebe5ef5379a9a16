from abc import ABC, abstractmethod, ABCMeta

class Shape(ABC):
    @abstractmethod
    def area(self):
        pass

    @abstractmethod
    def perimeter(self):
        pass

    def describe(self):
        return f'{type(self).__name__} with area {self.area()}'

class Square(Shape):
    def __init__(self, side):
        self.side = side
    def area(self):
        return self.side ** 2
    def perimeter(self):
        return 4 * self.side

print(Square(3).describe(), Square(3).perimeter())
try:
    Shape()
except TypeError as e:
    print(e)

class Half(Shape):
    def area(self):
        return 1
try:
    Half()
except TypeError as e:
    print(e)

class Base(metaclass=ABCMeta):
    pass

Base.register(int)
print(isinstance(3, Base), issubclass(int, Base), isinstance('s', Base))
print(isinstance(Square(1), Shape), issubclass(Square, ABC))
