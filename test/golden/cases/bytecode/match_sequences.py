def f(x):
    match x:
        case []:
            return 0
        case [a]:
            return a
        case [a, b, *rest]:
            return rest
        case [_, _, *_]:
            return 2
        case (a, *_, b):
            return a, b
        case [*_, last]:
            return last
