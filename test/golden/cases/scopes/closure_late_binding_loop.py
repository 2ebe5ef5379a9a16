def make_functions():
    funcs = []
    for i in range(3):
        def f():
            return i
        funcs.append(f)
    return funcs
