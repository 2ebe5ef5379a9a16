import gc
gc.collect()
def gen():
    try:
        yield 1
        yield 2
    finally:
        print("finally")
g = gen()
next(g)
l = [g]
l.append(l)
del g, l
print("collecting")
print(gc.collect())
