import sys
l = [1, 2]
for x in l:
    print(sys.getrefcount(l))
print(sys.getrefcount(l))
