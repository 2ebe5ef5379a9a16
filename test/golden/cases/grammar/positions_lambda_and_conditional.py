f = (lambda x:
     x + 1)
g = (a
     if b
     else c)
