import sys
def f():
    return 100
def g():
    return 50 + 50
print(f() is g())
def h():
    return 1000
def k():
    return 999 + int("1")
print(h() is k())
