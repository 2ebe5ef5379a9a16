def f():
    x: int
    y: str = "a"
    return y
