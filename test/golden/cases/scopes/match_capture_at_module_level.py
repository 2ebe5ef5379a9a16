match value:
    case [a, b]:
        pass
    case str() as s:
        pass
