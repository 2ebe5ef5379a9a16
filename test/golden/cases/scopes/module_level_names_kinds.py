import os
from sys import argv
x = 1
def f():
    pass
class C:
    pass
print(x, y)
