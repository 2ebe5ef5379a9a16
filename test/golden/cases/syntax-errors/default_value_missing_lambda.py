g = lambda a=: a
