def make_counter():
    count = 0

    def counter():
        nonlocal count
        count += 1
        return count

    return counter


class Counter:
    def __init__(self):
        self.count = 0

    def __call__(self):
        self.count += 1
        return self.count


c1, c2 = make_counter(), Counter()
print(c1(), c1(), c2(), c2())
print(c1.__closure__[0].cell_contents)
