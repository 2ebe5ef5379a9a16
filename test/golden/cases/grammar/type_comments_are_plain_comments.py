x = 1  # type: int
def f(a,  # type: int
      ):
    # type: (...) -> None
    pass
for i in y:  # type: int
    pass
