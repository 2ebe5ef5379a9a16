g = lambda: (y := 1)
