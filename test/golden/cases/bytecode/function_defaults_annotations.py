def f(a: int, b: "str" = "x", *args: tuple, c: float = 1.0, d, **kw: dict) -> None:
    pass
def g(a, /, b, *, c=3):
    pass
lam = lambda x, y=2, *, z=3: x + y + z
