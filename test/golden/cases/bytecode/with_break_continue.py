def f(a, xs):
    for x in xs:
        with a as y:
            if y:
                break
            continue
