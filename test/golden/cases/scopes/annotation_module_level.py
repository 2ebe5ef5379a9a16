a: int
b: list[int] = []
c.d: int = 1
(e): int = 2
