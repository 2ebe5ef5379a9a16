match point:
    case Point(x=0, y=0) | [0, 0] as origin:
        pass
    case {"k": v, **rest}:
        pass
    case [1, *others]:
        pass
