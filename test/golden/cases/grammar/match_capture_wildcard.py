match command:
    case x:
        print(x)
match command:
    case _:
        print("anything")
