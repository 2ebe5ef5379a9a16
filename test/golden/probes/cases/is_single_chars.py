import sys
s = "abc"
a = "a"
A = "A"
print(s[0] is a, s[1] is s[1], chr(65) is A)
