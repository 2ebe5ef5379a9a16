def f(a, b):
    assert a
    assert a, "msg"
    assert a < b, f"{a}"
    assert (a, b)
