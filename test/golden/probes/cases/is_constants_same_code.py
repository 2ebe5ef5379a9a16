import sys
a = 1000
b = 1000
print(a is b)
def f():
    x = 1000
    y = 1000
    return x is y
print(f())
