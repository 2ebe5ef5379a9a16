def f(x: list[int], y: dict[str, "Ref"]) -> tuple[int, ...]:
    pass
