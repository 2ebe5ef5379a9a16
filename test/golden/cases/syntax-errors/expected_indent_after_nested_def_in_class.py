class C:
    def method(self):
    return 1
