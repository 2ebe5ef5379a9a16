import sys
class A: pass
def g(x):
    yield sys.getrefcount(x)
a = A()
gen = g(a)
print(sys.getrefcount(a))
print(next(gen))
