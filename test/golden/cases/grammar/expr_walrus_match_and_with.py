match (a := 1):
    case _:
        pass
with (b := open("f")):
    pass
if any((c := x) > 1 for x in y):
    pass
