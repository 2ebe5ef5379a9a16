class A:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n)
d = {"x": A(1), "y": A(2), "z": A(3)}
del d
print("end")
