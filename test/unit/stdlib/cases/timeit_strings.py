import timeit
t = timeit.Timer("x = sum(range(10))", setup="y = 2")
print(type(t.timeit(100)).__name__, len(t.repeat(3, 10)))
print(timeit.timeit("[i*i for i in range(5)]", number=10) >= 0)
def f():
    return 1
print(timeit.timeit(f, number=5) >= 0)
print(timeit.timeit("z + 1", globals={'z': 41}, number=3) >= 0)
n, tt = timeit.Timer("pass").autorange()
print(n > 0)
try:
    timeit.timeit("undefined_name_xyz", number=1)
except NameError as e:
    print("NameError", e)
try:
    timeit.Timer("def (")
except SyntaxError as e:
    print("SyntaxError", e.msg, e.filename)
print(timeit.Timer("a\nb").src.splitlines()[4:7])
