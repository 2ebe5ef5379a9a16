match x:
    case [a, b]:
        match a:
            case 1:
                pass
            case _:
                pass
    case _:
        pass
