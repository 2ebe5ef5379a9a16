from dataclasses import dataclass, field, fields, asdict, astuple, replace, FrozenInstanceError, is_dataclass
from typing import List, ClassVar

@dataclass
class Point:
    x: int
    y: int = 0

p = Point(1, 2)
print(p, Point(5), Point(y=3, x=4), p == Point(1, 2), p != Point(2, 1))
print(asdict(p), astuple(p), replace(p, y=10), [f.name for f in fields(p)], is_dataclass(p), is_dataclass(3))
print(Point.__hash__ is None, Point.__match_args__)

@dataclass
class Inventory:
    name: str
    items: List[str] = field(default_factory=list)
    count: int = field(default=0, repr=False)
    kind: ClassVar[str] = 'store'

inv = Inventory('shop')
inv.items.append('apple')
print(inv, Inventory('b').items, Inventory.kind, [f.name for f in fields(Inventory)])

@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int = 0

print(sorted([Version(2, 1), Version(1, 5), Version(2, 0)]), Version(1) < Version(1, 1), hash(Version(1, 2)) == hash(Version(1, 2)))
try:
    Version(1).major = 3
except FrozenInstanceError as e:
    print('FrozenInstanceError:', e)

@dataclass
class Rect:
    w: float
    h: float
    area: float = field(init=False)
    def __post_init__(self):
        self.area = self.w * self.h

print(Rect(2, 3))

@dataclass
class Base:
    a: int
@dataclass
class Child(Base):
    b: str = 'x'
print(Child(1), Child(2, 'y'), isinstance(Child(1), Base))

for bad in [lambda: Point(), lambda: Point(1, 2, 3), lambda: Point(1, z=2), lambda: Point(1, x=2)]:
    try:
        bad()
    except TypeError as e:
        print('TypeError:', e)
try:
    @dataclass
    class Bad:
        items: list = []
except ValueError as e:
    print('ValueError:', e)
try:
    @dataclass
    class Bad2:
        a: int = 1
        b: int
except TypeError as e:
    print('TypeError:', e)

@dataclass
class Node:
    value: int
    children: list = field(default_factory=list)
n = Node(1, [Node(2)])
print(n, asdict(n))
