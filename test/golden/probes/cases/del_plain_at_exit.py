class A:
    def __del__(self):
        print("A.__del__ at exit")
a = A()
print("end")
