def f(x):
    match x:
        case {}:
            return 0
        case {"a": 1, "b": b}:
            return b
        case {"k": v, **rest}:
            return v, rest
        case {C.KEY: v}:
            return v
