class C:
    (x): int = 1
    a.b: int
    a[0]: str = "s"
    a[1:2]: float
def f():
    x: int = 1
    y: int
    return x
