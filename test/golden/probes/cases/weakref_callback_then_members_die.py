import weakref
class A:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
outer = A("outer")
outer.inner = A("inner")
r = weakref.ref(outer, lambda w: print("callback"))
del outer
print("end")
