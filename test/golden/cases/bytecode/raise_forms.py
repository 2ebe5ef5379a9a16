def f(e):
    if e:
        raise
    if e == 1:
        raise ValueError
    raise ValueError("x") from e
