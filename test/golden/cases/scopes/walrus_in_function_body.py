def f(data):
    if (n := len(data)) > 3:
        return n
