import sys
class A:
    def __sizeof__(self): raise TypeError("no")
try:
    sys.getsizeof(A())
except TypeError as e:
    print("TypeError", e)
print(sys.getsizeof(A(), 7) if False else "skip")
