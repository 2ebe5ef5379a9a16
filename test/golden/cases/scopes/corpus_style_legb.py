len = len
def legb():
    y = "local"
    def enclosed():
        return y, len, __name__
    return enclosed
