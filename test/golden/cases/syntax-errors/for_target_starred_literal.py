for *1, a in b:
    pass
