# Deep recursion ends in CPython's RecursionError with the repeated-line summary.
def down(n):
    return down(n + 1)

def count(n):
    try:
        return count(n + 1)
    except RecursionError:
        return n

print(count(0))
down(0)
