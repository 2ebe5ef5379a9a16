def f(g):
    try:
        try:
            g()
        except ValueError:
            g()
        finally:
            g()
    except Exception:
        pass
