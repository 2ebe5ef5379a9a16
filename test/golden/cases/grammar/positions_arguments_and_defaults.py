def f(a, b: int = 1, /, c=2, *args: str, d, e=3, **kwargs: dict) -> None:
    pass
lambda a, b=1, *c, d, **e: 0
