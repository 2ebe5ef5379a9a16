match seq:
    case []:
        pass
    case ():
        pass
    case [a]:
        pass
    case (a,):
        pass
    case [a, b]:
        pass
    case a, b, c:
        pass
    case [1, [2, (3, _)]]:
        pass
