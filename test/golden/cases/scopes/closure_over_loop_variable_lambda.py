def f():
    return [lambda: i for i in range(3)]
def g():
    fs = []
    for j in range(3):
        fs.append(lambda: j)
    return fs
