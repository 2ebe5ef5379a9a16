class A:
    def __del__(self):
        print("A.__del__")
a = A()
print("before")
del a
print("after")
