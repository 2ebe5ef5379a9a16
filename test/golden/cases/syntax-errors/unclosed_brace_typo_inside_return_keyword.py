def count_time(func):
    def wrapper(*args):
        return func(*args)
    retu{rn wrapper

a = count_time(print)
