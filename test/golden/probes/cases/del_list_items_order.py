class A:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n)
l = [A(i) for i in range(4)]
del l
print("end")
