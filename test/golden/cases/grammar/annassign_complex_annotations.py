a: list[int] = []
b: dict[str, list[tuple[int, ...]]] = {}
c: int | None = None
d: "Callable[[int], str]"
e: lambda: 1 = 2
