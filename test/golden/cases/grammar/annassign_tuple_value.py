x: tuple = 1, 2
y: list = *a, *b
