match match:
    case case:
        pass
match _:
    case [match, case]:
        pass
