def f(g):
    try:
        g()
    except Exception as e:
        return e
    except BaseException:
        return None
