import sys
a = 256
b = 255 + 1
print(a is b)
c = 257
d = 256 + 1
print(c is d)
m5 = -4
m6 = -5
print(m5 - 1 is m5 - 1, m6 - 1 is m6 - 1)
n = 250
print([n + i is n + i for i in range(10)])
