from dataclasses import dataclass, field


@dataclass(order=True)
class Item:
    priority: int
    name: str = field(compare=False)
    tags: list[str] = field(default_factory=list)


class Slotted:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x, self.y = x, y
