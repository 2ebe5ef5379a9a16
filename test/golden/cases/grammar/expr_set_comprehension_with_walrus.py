def f(xs):
    return {y for x in xs if (y := x * 2)}
