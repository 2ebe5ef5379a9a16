match(x):
    case 1:
        pass
match(x)
match (x, y):
    case (1, 2):
        pass
match x,:
    case _:
        pass
match match.case:
    case case.match:
        pass
