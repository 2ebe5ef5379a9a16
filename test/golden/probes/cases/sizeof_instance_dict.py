import sys
class P:
    def __init__(self):
        self.x = 1
        self.y = 2
p = P()
print(sys.getsizeof(p))
