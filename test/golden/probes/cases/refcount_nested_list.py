import sys
inner = []
outer = [inner, [inner]]
print(sys.getrefcount(inner))
