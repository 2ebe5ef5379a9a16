# sys.getrefcount of objects referenced from a frame that raised, while the exception lives.
import sys


class Obj:
    pass


held = Obj()


def fail(o):
    alias = o
    raise RuntimeError("x")


print("before", sys.getrefcount(held))
try:
    fail(held)
except RuntimeError as e:
    print("in handler", sys.getrefcount(held))
    exc = e
print("exception kept", sys.getrefcount(held))
exc.__traceback__.tb_next.tb_frame.clear()
print("frame cleared", sys.getrefcount(held))
del exc
print("exception gone", sys.getrefcount(held))


def fail2(o):
    raise RuntimeError("y")


try:
    fail2(held)
except RuntimeError:
    print("argument only", sys.getrefcount(held))
print("after", sys.getrefcount(held))
