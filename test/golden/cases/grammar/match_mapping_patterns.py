match config:
    case {}:
        pass
    case {"host": host, "port": 80}:
        pass
    case {"a": 1, **rest}:
        pass
    case {0: _, Color.RED: x}:
        pass
    case {"k": [1, *_], None: {}}:
        pass
    case {-1: v, b"k": w, **kw}:
        pass
