def f():
    raise
    raise ValueError
    raise ValueError("msg")
    raise ValueError("msg") from None
    raise ValueError from exc
    raise a.b.c(1) from e.cause
