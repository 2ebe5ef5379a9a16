class C:
    def deco(func):
        return func
    @deco
    def method(self):
        return self
