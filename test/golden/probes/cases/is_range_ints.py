import sys
r = list(range(250, 260))
print([x is (x + 0) for x in r])
