match x:
    case 1 | 2 | 3:
        pass
    case [a] | (a, 0):
        pass
    case "a" | "b" as letter:
        pass
    case {"k": 1} | {"k": 2}:
        pass
