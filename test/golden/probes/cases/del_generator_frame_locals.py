import weakref, sys
class O:
    def __init__(self, n): self.n = n
    def __del__(self): print("__del__", self.n)
def g(x):
    y = O("local")
    yield 1
    yield 2
o = O("created")
gen = g(o)
del o
print("del created gen")
del gen
print("after 1")
o = O("suspended")
r = weakref.ref(o, lambda r: print("callback"))
gen = g(o)
next(gen)
del o
print("del suspended gen")
del gen
print("after 2")
o = O("finished")
gen = g(o)
for _ in gen: pass
del o
print("finished gen holds nothing:")
del gen
print("after 3")
async def co(x):
    return x
o = O("coroutine arg")
c = co(o)
del o
c.close()
print("closed coroutine")
del c
print("after 4")
def h(x):
    try:
        yield 1
    finally:
        print("finally", x.n)
o = O("finally")
gen = h(o); next(gen); del o
del gen
print("end")
