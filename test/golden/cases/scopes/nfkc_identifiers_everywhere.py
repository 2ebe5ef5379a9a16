ﬁle = 1
def f(ﬁeld, *, ﬂag=None):
    global ﬁle
    return ﬁeld, ﬂag
obj.ﬁle = 2
f(ﬁeld=1)
import ﬁle_mod
class ℭ:
    ﬁ = 1
