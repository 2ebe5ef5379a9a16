import sys
class A:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
d = {"a": A(1), "b": A(2)}
d.clear()
print("end")
