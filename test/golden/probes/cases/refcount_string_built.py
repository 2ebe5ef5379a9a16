import sys
s = "".join(["ab", "cd", "ef"])
print(sys.getrefcount(s))
