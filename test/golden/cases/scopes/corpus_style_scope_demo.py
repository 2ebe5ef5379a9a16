x = "global"
def outer():
    x = "enclosing"
    def inner():
        nonlocal x
        x = "changed"
        print("inner:", x)
    inner()
    print("outer:", x)
outer()
print("global:", x)
