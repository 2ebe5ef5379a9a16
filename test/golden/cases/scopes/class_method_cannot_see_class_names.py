class C:
    attr = 1
    def method(self):
        return attr
