import sys
a = "ab"
b = "a" + "b"
print(a is b)
c = "a"
d = c + "b"
print(a is d)
