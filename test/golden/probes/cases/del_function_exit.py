class A:
    def __del__(self):
        print("del")
def f():
    a = A()
    print("in f")
f()
print("after f")
