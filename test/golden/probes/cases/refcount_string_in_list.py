import sys
s = "".join(["dyn", "amic"])
l = [s] * 3
print(sys.getrefcount(s))
