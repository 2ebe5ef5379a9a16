# globals(), locals(), vars() without arguments, and their views of module/function/class scopes
G = 1
def f(a, b=2):
    c = 3
    return sorted(locals().items())
show(lambda: f(1))
def f2():
    x = 1
    def inner():
        return x
    return sorted(locals())
show(f2)
show(lambda: 'G' in globals())
show(lambda: globals()['G'])
show(lambda: type(globals()).__name__)
show(lambda: globals() is globals())
def modify_globals():
    globals()['NEW'] = 'made'
    return NEW
show(modify_globals)
class K:
    a = 1
    b = sorted(k for k in locals() if not k.startswith('__'))
    names = sorted(vars())
show(lambda: K.b)
show(lambda: K.names)
show(lambda: [k for k in sorted(globals()) if not k.startswith('_')][:6])
show(lambda: __name__)
show(lambda: __builtins__.__name__ if hasattr(__builtins__, '__name__') else type(__builtins__).__name__)
show(lambda: __doc__)
show(lambda: __spec__)
show(lambda: locals())
def vars_no_arg():
    q = 5
    return vars()
show(vars_no_arg)
show(lambda: sorted(k for k in dir() if not k.startswith('_')))
def dir_in_function():
    z = 1
    y = 2
    return dir()
show(dir_in_function)
