def f(matrix):
    return [[cell * 2 for cell in row] for row in matrix]
def g(rows):
    return [x for row in rows for x in row]
