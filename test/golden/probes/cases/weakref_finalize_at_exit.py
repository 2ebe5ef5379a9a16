import weakref
class A:
    pass
a = A()
b = A()
weakref.finalize(a, print, "first registered")
weakref.finalize(b, print, "second registered")
print("end")
