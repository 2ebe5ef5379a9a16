import sys
x = 3.0 * 7
y = x
l = [x, y]
print(sys.getrefcount(x))
