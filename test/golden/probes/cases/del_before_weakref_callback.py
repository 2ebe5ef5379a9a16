import weakref
class A:
    def __del__(self):
        print("__del__")
a = A()
r = weakref.ref(a, lambda w: print("callback"))
del a
print("end")
