def f(x):
    match x:
        case Point(x=0, y=0):
            return 0
        case Point(a, b, z=c):
            return a, b, c
        case mod.Cls():
            return 1
        case int(n) | float(n):
            return n
