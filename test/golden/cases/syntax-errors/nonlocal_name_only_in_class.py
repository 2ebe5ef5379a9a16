class Outer:
    x = 1
    def method(self):
        nonlocal x
