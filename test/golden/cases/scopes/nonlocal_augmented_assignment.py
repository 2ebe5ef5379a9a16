def outer():
    total = 0
    def add(n):
        nonlocal total
        total += n
        return total
    return add
