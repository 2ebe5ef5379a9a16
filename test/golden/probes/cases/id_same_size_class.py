import sys
a = 12345678901234567890
b = a + 1
print(abs(id(b) - id(a)) < 2**20)
