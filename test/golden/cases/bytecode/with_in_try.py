def f(a):
    try:
        with a as b:
            return b
    except Exception:
        return None
