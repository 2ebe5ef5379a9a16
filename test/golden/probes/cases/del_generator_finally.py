def gen():
    try:
        yield 1
    finally:
        print("finally")
g = gen()
next(g)
del g
print("after")
