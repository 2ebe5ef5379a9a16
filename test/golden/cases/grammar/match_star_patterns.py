match seq:
    case [first, *rest]:
        pass
    case [*_, last]:
        pass
    case (a, *mid, z):
        pass
    case *all,:
        pass
    case [*_]:
        pass
