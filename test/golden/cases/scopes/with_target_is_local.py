def f():
    with open("x") as fh, open("y") as (a, b):
        return fh
