def f():
    factor = 3
    class C:
        scaled = [i * factor for i in range(3)]
    return C
