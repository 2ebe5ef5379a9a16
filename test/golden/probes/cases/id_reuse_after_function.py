import sys
class A: pass
def make():
    return A()
i = id(make())
j = id(make())
print(i == j)
