[x for *a in y]
