match z:
    case 0j:
        pass
    case 1 - 1j:
        pass
    case -0.5 + 2.5j:
        pass
    case -1j:
        pass
