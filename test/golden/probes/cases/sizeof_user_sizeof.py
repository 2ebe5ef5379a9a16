import sys
class A:
    def __sizeof__(self):
        return 100
print(sys.getsizeof(A()))
