def f(x):
    match x:
        case Color.RED:
            return 1
        case mod.CONST:
            return 2
