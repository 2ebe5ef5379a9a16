# An object held only by a local of a function that raised lives as long as the traceback:
# __del__ and weakref callbacks run when the exception dies (end of the except block), after
# the handler, not when the raising frame exits.
import sys
import weakref


class Res:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def fail(name):
    r = Res(name)
    raise ValueError(name)


def outer(name):
    o = Res("outer-" + name)
    fail(name)


try:
    fail("a")
except ValueError:
    print("handler a")
print("after a")

try:
    outer("b")
except ValueError as e:
    print("handler b")
    tb = e.__traceback__
print("after b, tb kept")
del tb
print("tb deleted")


def watch():
    r = Res("c")
    wr = weakref.ref(r, lambda w: print("callback c"))
    ws.append(wr)
    raise KeyError("c")


ws = []
try:
    watch()
except KeyError:
    print("handler c, alive:", ws[0]() is not None)
print("after c, alive:", ws[0]() is not None)

# a kept exception keeps the frames' locals
try:
    fail("d")
except ValueError as e:
    saved = e
print("saved d")
saved = None
print("end")
