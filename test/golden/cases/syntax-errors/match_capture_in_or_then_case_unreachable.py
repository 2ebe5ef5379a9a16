match x:
    case (1 | 2):
        pass
    case other:
        pass
    case 3:
        pass
