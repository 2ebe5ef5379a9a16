def make():
    return [lambda i=i: i for i in range(3)]
