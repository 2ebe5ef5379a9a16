from collections import namedtuple

Point = namedtuple('Point', ['x', 'y'])
p = Point(1, y=2)
print(p, p.x, p[1], p._fields, len(p))
print(p._asdict(), p._replace(x=10), Point._make([3, 4]))
x, y = p
print(x + y, p == (1, 2), isinstance(p, tuple))
Color = namedtuple('Color', 'red green blue', defaults=[0, 255])
print(Color(1), Color._field_defaults)
try:
    Point(1)
except TypeError as e:
    print(e)
try:
    Point(1, 2, 3)
except TypeError as e:
    print(e)
try:
    Point(1, z=3)
except TypeError as e:
    print(e)
try:
    namedtuple('Bad', 'a a')
except ValueError as e:
    print(e)
try:
    namedtuple('Bad', 'class x')
except ValueError as e:
    print(e)
R = namedtuple('R', 'a class a', rename=True)
print(R._fields)
class Pt(Point):
    def norm(self):
        return self.x ** 2 + self.y ** 2
print(Pt(3, 4).norm(), Pt(3, 4))
print(type(p).__name__, Point.__name__)
try:
    p.x = 5
except AttributeError as e:
    print('AttributeError')
