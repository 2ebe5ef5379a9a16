def f(data):
    if (n := len(data)) > 3:
        return n
    while (chunk := data.pop()):
        pass
    return [y for x in data if (y := x * 2)]
