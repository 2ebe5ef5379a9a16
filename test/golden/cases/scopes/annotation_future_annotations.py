from __future__ import annotations
def f(a: Undefined) -> AlsoUndefined:
    x: LocalAnnotation = 1
    return x
class C:
    attr: Forward
