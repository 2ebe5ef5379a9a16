class A:
    def __init__(self, name, child=None):
        self.name = name
        self.child = child
    def __del__(self):
        print("del", self.name)
a = A("parent", A("child"))
del a
print("end")
