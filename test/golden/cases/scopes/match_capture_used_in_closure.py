def f(value):
    match value:
        case [first, *_]:
            return lambda: first
        case {"k": v}:
            return lambda: v
