def run(command: str) -> str:
    match command.split():
        case ["go", ("north" | "south") as direction]:
            return f"going {direction}"
        case ["pick", "up", *items] if items:
            return "picked " + ", ".join(items)
        case ["quit"]:
            return "bye"
        case _:
            return "unknown"


for cmd in ["go north", "pick up key lamp", "quit", "dance"]:
    print(run(cmd))
