if __debug__:
    x = 1
assert x, "msg"
