def handle(command):
    match command.split():
        case ["go", direction]:
            return direction
        case ["drop", *objects]:
            return objects
        case ["quit" | "exit"]:
            return None
        case _:
            return "?"
