match s:
    case [1,]:
        pass
    case (1,):
        pass
    case 1, 2,:
        pass
    case {"a": 1,}:
        pass
    case C(1,):
        pass
    case C(a=1,):
        pass
