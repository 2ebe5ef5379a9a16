# An uncaught exception chained to another, raised three calls deep.
def inner(x):
    return x["key"]

def middle(x):
    try:
        return inner(x)
    except KeyError:
        return 1 / 0

def outer():
    data = {"other": 1}
    return middle(data) + 1

outer()
