if a:
    if b:
        if c:
            x = 1
        else:
            x = 2
    elif d:
        pass
