def f(data):
    global found
    [found := x for x in data]
