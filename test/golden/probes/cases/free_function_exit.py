import sys
class A:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
def f():
    a = A(1)
    b = A(2)
    print("leaving")
f()
print("end")
