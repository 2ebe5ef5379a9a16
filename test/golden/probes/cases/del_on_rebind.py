class A:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n)
x = A(1)
x = A(2)
print("rebound")
x = None
print("end")
