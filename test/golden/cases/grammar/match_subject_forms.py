match a, b:
    case 1, 2:
        pass
match *a, b:
    case _:
        pass
match (x):
    case _:
        pass
match f(x).y[0]:
    case _:
        pass
match -x:
    case _:
        pass
match x := y:
    case _:
        pass
