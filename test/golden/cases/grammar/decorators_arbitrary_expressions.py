@buttons[0].clicked.connect
def f():
    pass
@(lambda f: f)
def g():
    pass
@x if y else z
def h():
    pass
@a or b
def i():
    pass
def outer():
    @(yield)
    def j():
        pass
@make()()
async def k():
    pass
@x := y
def m():
    pass
