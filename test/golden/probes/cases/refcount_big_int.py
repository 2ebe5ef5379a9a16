import sys
x = 10 ** 30
print(sys.getrefcount(x))
y = x
print(sys.getrefcount(x))
