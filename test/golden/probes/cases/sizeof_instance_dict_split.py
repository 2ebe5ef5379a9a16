import sys
class P:
    def __init__(self):
        self.x = 1
        self.y = 2
p = P()
print(sys.getsizeof(p.__dict__))
q = P()
q.z = 3
print(sys.getsizeof(q.__dict__))
print(sys.getsizeof(vars(P())))
