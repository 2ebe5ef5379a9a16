class C:
    match config:
        case {"mode": mode}:
            pass
