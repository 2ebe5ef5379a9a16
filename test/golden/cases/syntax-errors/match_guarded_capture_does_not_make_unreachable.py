match x:
    case y if y:
        pass
    case 1:
        pass
    case z:
        pass
    case 2:
        pass
