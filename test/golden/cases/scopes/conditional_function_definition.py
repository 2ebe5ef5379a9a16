if flag:
    def f():
        return 1
else:
    def f():
        return 2
