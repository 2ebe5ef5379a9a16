def f(items):
    def check():
        if (n := len(items)) > 2:
            return n
    return check
