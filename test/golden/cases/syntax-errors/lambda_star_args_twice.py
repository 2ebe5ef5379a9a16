g = lambda *a, *b: 0
