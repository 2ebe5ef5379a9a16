value = 0
def setter():
    global value
    value = 1
def local_user():
    value = 2
    return value
def reader():
    return value
