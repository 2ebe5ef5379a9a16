import sys
print(sys.getrefcount([]))
print(sys.getrefcount([1, 2]))
