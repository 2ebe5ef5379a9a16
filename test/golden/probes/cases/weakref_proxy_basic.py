import weakref
class A:
    def __init__(self):
        self.x = 1
    def m(self):
        return "m"
a = A()
p = weakref.proxy(a)
print(p.x, p.m())
p.x = 5
print(a.x)
print(type(p).__name__)
del a
try:
    p.x
except ReferenceError as e:
    print("ReferenceError:", e)
