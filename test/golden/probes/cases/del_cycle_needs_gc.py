import gc
gc.collect()
class A:
    def __del__(self):
        print("del")
a = A()
a.me = a
del a
print("deleted name")
gc.collect()
print("collected")
