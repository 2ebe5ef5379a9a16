while True:
    f = lambda: break
