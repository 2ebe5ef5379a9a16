import os
class C:
    def m(self, x):
        return self.n(x).p(key=x)
def f(o, x):
    o.a.b(x)
    os.path.join(x)
    o.m(*x)
    o.m(**x)
    return o.m(x, y=1)
