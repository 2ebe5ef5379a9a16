@dataclass(frozen=True, order=True)
class Point(Base, metaclass=Meta):
    x: int = 0
    y: int = 0
