def f():
    x = 1
    class C:
        global x
        def m(self):
            nonlocal x
