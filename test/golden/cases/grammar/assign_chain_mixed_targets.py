a = b.c = d[0] = e, f = g = 1, 2
