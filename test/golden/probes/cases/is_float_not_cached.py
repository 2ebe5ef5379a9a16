import sys
a = 1.0
b = float("1.0")
print(a is b, a == b)
