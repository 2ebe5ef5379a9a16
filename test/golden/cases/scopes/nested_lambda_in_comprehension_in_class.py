class C:
    fs = [lambda: k for k in range(3)]
