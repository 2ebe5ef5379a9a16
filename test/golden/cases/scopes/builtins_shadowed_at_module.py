print = lambda *a: None
def f():
    print("x")
