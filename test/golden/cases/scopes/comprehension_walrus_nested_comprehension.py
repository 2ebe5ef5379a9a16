def f(rows):
    [[(total := c) for c in row] for row in rows]
    return total
