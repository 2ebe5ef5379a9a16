from __future__ import annotations
def outer():
    T = int
    def inner(x: T) -> T:
        y: T = x
        return y
    return inner
