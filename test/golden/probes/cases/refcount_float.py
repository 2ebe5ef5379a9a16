import sys
x = 2.5 * 3.1
print(sys.getrefcount(x))
