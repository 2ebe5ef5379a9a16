def f():
    resource = open_it()
    try:
        return lambda: resource
    finally:
        close = lambda: resource.close()
