# Generator frames that raise: the traceback keeps their locals too; a generator closed or
# finished shows gi_frame None while the traceback's frame keeps the locals.
import sys


class Res:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def gen(n):
    r = Res("gen")
    yield n
    total = n + 1
    raise ValueError(total)


g = gen(1)
print(next(g))
try:
    next(g)
except ValueError as e:
    print("handler", e)
    fr = e.__traceback__.tb_next.tb_frame
    print(fr.f_code.co_name, sorted(fr.f_locals), fr.f_locals["total"])
    print("gi_frame", g.gi_frame)
print("after handler")
del fr
print("fr deleted")


def gen2():
    x = Res("gen2")
    yield 1
    1 / 0


try:
    for v in gen2():
        print("got", v)
except ZeroDivisionError:
    print("handler 2")
print("end")
