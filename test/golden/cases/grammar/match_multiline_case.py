match x:
    case [
        1,
        2,
    ]:
        pass
    case {
        "a": 1,
    }: pass
