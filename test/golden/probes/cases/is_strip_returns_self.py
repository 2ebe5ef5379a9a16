import sys
s = "hello"
print(s.strip() is s, s.lower() is s, s[:] is s, s + "" is s)
