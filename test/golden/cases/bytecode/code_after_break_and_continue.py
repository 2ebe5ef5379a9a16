def f(xs):
    for x in xs:
        break
        print(x)
    for x in xs:
        continue
        print(x)
