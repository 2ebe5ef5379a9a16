g = lambda: (return)
