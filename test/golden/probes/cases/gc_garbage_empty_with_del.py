import gc
gc.collect()
class A:
    def __del__(self):
        print("del", self.name)
a = A(); a.name = "a"
b = A(); b.name = "b"
a.b = b; b.a = a
del a, b
n = gc.collect()
print(n, gc.garbage)
