LIMIT = 10
def f(n=LIMIT, m=lambda: LIMIT):
    return n
