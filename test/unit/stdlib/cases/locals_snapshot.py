def g():
    a = 1
    d = locals()
    b = 2
    print(d, locals() is d, d)
    del a
    print(locals())
    exec("c = 3")
    print(sorted(locals()))
g()
class Obj:
    def __del__(self): print("freed")
def h():
    o = Obj()
    locals()
    return 1
h()
print("after h")
def f():
    a = 1
    return sorted(vars())
print(f(), "f" in vars())
class C:
    x = 1
    print(sorted(vars()))
