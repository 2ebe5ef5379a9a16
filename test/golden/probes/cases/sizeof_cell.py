import sys
def outer():
    x = 1
    def inner():
        return x
    return inner
print(sys.getsizeof(outer().__closure__[0]))
