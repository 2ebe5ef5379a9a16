def f():
    return """
