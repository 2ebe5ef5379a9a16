import gc
class A:
    pass
a = A()
a.x = [1]
a.y = "s"
print(gc.get_referents(a))
d = a.__dict__
print(gc.get_referents(a)[-1])
print(gc.is_tracked(d))
