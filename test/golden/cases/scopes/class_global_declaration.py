counter = 0
class C:
    global counter
    counter += 1
