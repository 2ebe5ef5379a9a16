def f(g):
    try:
        g()
    except* ValueError as eg:
        print(eg)
    except* TypeError:
        pass
    finally:
        g()
