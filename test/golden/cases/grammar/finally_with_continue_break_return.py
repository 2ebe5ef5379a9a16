def f(items):
    for x in items:
        try:
            pass
        finally:
            continue
    while True:
        try:
            break
        finally:
            return x
