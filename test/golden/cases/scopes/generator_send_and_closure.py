def accumulator():
    total = 0
    def report():
        return total
    while True:
        value = yield report
        total += value
