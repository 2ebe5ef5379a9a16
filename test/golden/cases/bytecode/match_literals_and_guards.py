def f(x):
    match x:
        case 1 | 2:
            return "small"
        case "s" | b"b":
            return "str"
        case None:
            return "none"
        case True:
            return "true"
        case -1 | 1.5 | 2j | -3+4j:
            return "num"
        case y if y > 10:
            return "big"
        case _:
            return "other"
