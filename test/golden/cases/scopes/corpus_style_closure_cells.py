def outer():
    a = 1
    b = 2
    def inner():
        return a + b
    print(inner.__closure__)
    print(inner.__code__.co_freevars)
    print(outer.__code__.co_cellvars)
    return inner
outer()
