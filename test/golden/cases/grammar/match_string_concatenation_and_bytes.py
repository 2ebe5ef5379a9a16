match s:
    case "a" "b":
        pass
    case b"x" b"y":
        pass
    case """triple""":
        pass
