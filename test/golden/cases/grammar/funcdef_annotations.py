def f(a: int, b: str = "x", *args: tuple, c: float, d: bool = True, **kw: dict) -> None:
    pass
def g(a: "forward", /, b: list[int]) -> "ret":
    pass
def h(*args: *Ts):
    pass
