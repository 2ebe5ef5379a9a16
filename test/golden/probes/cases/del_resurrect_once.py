saved = []
class A:
    def __del__(self):
        print("del called")
        saved.append(self)
a = A()
del a
print(len(saved))
saved.clear()
print("cleared")
