match point:
    case (x, y) if x == y:
        pass
    case (x, _) if x > 0 and (z := x):
        pass
    case _ if cond:
        pass
