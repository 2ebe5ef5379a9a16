def outer():
    v = "outer"
    def middle():
        def inner():
            return v
        return inner
    return middle
