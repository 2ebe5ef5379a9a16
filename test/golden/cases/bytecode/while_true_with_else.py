def f():
    while True:
        pass
    else:
        return 1
