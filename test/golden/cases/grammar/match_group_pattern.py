match x:
    case (1):
        pass
    case ((1 | 2)):
        pass
    case (y):
        pass
