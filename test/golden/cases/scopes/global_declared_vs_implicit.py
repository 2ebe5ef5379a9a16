total = 0
def add(n):
    global total
    total += n
def read():
    return total
def shadow():
    total = 5
    return total
