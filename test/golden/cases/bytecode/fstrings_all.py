def f(a, b):
    return f"{a}", f"{a!r} {b!s} {a!a}", f"{a:>10}", f"{a:{b}}", f"x{a}y{b}z", f"{a=}", f"{{}}"
