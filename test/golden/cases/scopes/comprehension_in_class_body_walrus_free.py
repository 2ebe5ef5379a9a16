def f():
    class C:
        items = [x for x in range(3)]
    return C
