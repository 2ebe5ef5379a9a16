def f(x):
    match x:
        case [1 | 2 as a, (3 | 4) as b] as whole:
            return a, b, whole
        case {"k": [x, y] | (y, x)}:
            return x, y
        case Point(x=[a, *_]) as p:
            return a, p
