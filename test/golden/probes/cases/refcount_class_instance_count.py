import sys
class A: pass
objs = [A() for i in range(10)]
print(sys.getrefcount(objs[5]))
objs.append(objs[5])
print(sys.getrefcount(objs[5]))
