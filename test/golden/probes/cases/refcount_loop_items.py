import sys
class A: pass
objs = [A() for _ in range(3)]
for o in objs:
    print(sys.getrefcount(o))
print(sys.getrefcount(objs[0]))
