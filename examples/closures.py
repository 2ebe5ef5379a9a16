# 闭包：内部函数记住外部函数的变量 (a closure remembers its enclosing scope)
def make_counter(start=0):
    count = start

    def inc(step=1):
        nonlocal count
        count += step
        return count

    return inc


counter = make_counter(10)
print(counter(), counter(5))
print(counter.__closure__[0].cell_contents)
