def multiplier(n):
    def times(x):
        return x * n
    return times
