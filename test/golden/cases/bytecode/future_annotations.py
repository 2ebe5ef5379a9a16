from __future__ import annotations
x: List[int] = []
def f(a: Dict[str, int], b: int | None = None) -> tuple[int, ...]:
    y: int = 1
    return y
class C:
    z: Optional[C]
