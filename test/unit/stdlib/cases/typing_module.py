from typing import List, Dict, Optional, Union, Tuple, Any, Callable, TypeVar, Generic, Iterable, Iterator, Set, cast, Protocol
import typing

def total(xs: List[int]) -> int:
    return sum(xs)

def find(d: Dict[str, int], key: str) -> Optional[int]:
    return d.get(key)

print(total([1, 2, 3]), find({'a': 1}, 'a'), find({}, 'b'))
print(List[int], Dict[str, int], Optional[int], Union[int, str], Tuple[int, ...], Any)
print(Union[int, None], Union[int], Set[str], Iterable[int])
print(total.__annotations__)
T = TypeVar('T')
print(T)

class Stack(Generic[T]):
    def __init__(self) -> None:
        self.items: List[T] = []
    def push(self, item: T) -> None:
        self.items.append(item)
    def pop(self) -> T:
        return self.items.pop()

s = Stack[int]()
s.push(1)
s.push(2)
print(s.pop(), s.items, cast(int, '3'))

class Greeter(Protocol):
    def greet(self) -> str: ...

class English:
    def greet(self) -> str:
        return 'hello'

def welcome(g: Greeter) -> str:
    return g.greet()

print(welcome(English()), typing.TYPE_CHECKING)
Vector = List[float]
def scale(v: Vector, k: float) -> Vector:
    return [k * x for x in v]
print(scale([1.0, 2.0], 2))
