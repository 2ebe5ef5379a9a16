def handle(command):
    match command:
        case [action, *args]:
            return action, args
        case {"kind": kind, **rest}:
            return kind, rest
        case Point(x=px, y=py) as point:
            return px, py, point
        case _:
            return None
