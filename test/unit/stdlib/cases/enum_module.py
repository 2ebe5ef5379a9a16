from enum import Enum, IntEnum, Flag, auto, unique

class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3

print(Color.RED, repr(Color.RED), Color.RED.name, Color.RED.value, Color(2), Color['BLUE'])
print(list(Color), len(Color), Color.RED in Color, Color.RED is Color(1), Color.RED == 1)
print(Color, type(Color.RED), isinstance(Color.GREEN, Color))
print([c.name for c in Color], {Color.RED: 'r'}[Color.RED], f'{Color.GREEN}')
try:
    Color(7)
except ValueError as e:
    print('ValueError:', e)
try:
    Color['PINK']
except KeyError as e:
    print('KeyError:', e)

class Status(Enum):
    ACTIVE = auto()
    INACTIVE = auto()
    PENDING = auto()

print(list(Status), Status.PENDING.value)

class Shape(Enum):
    SQUARE = 2
    ALIAS = 2
    CIRCLE = 3
    def describe(self):
        return f'{self.name} has value {self.value}'
    @classmethod
    def biggest(cls):
        return max(cls, key=lambda s: s.value)

print(Shape.ALIAS, Shape.ALIAS is Shape.SQUARE, list(Shape), Shape.SQUARE.describe(), Shape.biggest())
print(list(Shape.__members__))
try:
    @unique
    class Dup(Enum):
        A = 1
        B = 1
except ValueError as e:
    print('ValueError:', e)

class Priority(IntEnum):
    LOW = 1
    HIGH = 3

print(Priority.HIGH, repr(Priority.LOW), Priority.HIGH > Priority.LOW, Priority.LOW + 1, sorted([Priority.HIGH, Priority.LOW]))

class Perm(Flag):
    R = 4
    W = 2
    X = 1

rw = Perm.R | Perm.W
print(Perm.R, repr(Perm.W), Perm.R in rw, Perm.X in rw, bool(Perm.R & Perm.X))

Animal = Enum('Animal', 'ANT BEE CAT')
print(list(Animal), Animal.BEE.value)

def react(c):
    match c:
        case Color.RED:
            return 'stop'
        case Color.GREEN:
            return 'go'
        case _:
            return 'wait'
print([react(c) for c in Color])
