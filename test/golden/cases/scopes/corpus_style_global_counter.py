count = 0
def increment():
    global count
    count = count + 1
    return count
def show():
    print(count)
increment()
show()
