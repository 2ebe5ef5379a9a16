f = lambda *args, **kwargs: (args, kwargs)
def g(*args):
    return lambda: args
