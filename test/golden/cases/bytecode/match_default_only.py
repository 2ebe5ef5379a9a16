def f(x):
    match x:
        case _:
            return 1
def g(x):
    match x:
        case y:
            return y
