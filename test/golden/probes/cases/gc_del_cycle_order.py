import gc
gc.collect()
class A:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
a = A("a"); b = A("b"); c = A("c")
a.n = b; b.n = c; c.n = a
del a, b, c
print(gc.collect())
