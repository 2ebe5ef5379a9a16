import weakref
class B:
    def m(self):
        return 7
b = B()
wm = weakref.WeakMethod(b.m)
print(wm()())
r = weakref.ref(b.m)
print(r())
del b
print(wm())
