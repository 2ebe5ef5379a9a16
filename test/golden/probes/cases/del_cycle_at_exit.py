import gc
gc.disable()
class A:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n)
a = A(1)
a.me = a
del a
print("end")
