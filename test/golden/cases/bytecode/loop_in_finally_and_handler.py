def f(xs):
    try:
        pass
    finally:
        for x in xs:
            if x:
                break
    try:
        pass
    except Exception:
        for x in xs:
            continue
