import sys
def f(): pass
def g(): return f
print(sys.getrefcount(f))
h = g()
print(sys.getrefcount(f))
