def f(v, w, p):
    return f"{v:{w}.{p}}", f"{v!r:>{w}}"
