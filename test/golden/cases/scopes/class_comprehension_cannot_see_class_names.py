class C:
    names = ["a", "b"]
    upper = [n.upper() for n in names]
    bad = [n for n in range(3) if n in names]
