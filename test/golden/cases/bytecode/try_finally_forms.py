def f(g):
    try:
        return g()
    finally:
        g()
def h(g):
    try:
        g()
    except Exception:
        g()
    finally:
        g()
