while True:
    def g():
        continue
