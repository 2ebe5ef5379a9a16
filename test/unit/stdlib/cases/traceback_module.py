import traceback, sys

def f(n):
    if n == 0:
        return 1 / 0
    return f(n - 1)

try:
    f(2)
except ZeroDivisionError:
    traceback.print_exc()
    s = traceback.format_exc()
    print(s.splitlines())
    print(len(traceback.format_exception(*sys.exc_info())))
    etype, value, tb = sys.exc_info()
    for fs in traceback.extract_tb(tb):
        print(fs, fs.filename == __file__, fs.lineno, fs.name, repr(fs.line), tuple(fs))
    print(traceback.format_tb(tb))
    print(traceback.format_exception_only(etype, value))

def g():
    try:
        {}['k']
    except KeyError as e:
        raise ValueError('bad') from e

try:
    g()
except ValueError as e:
    print(''.join(traceback.format_exception(e)))
    print(traceback.format_exception(type(e), e, e.__traceback__, chain=False))
    te = traceback.TracebackException.from_exception(e)
    print(str(te), list(te.format_exception_only()))
    print(''.join(te.format()))

try:
    try:
        int('x')
    except ValueError:
        undefined_name
except NameError:
    traceback.print_exc(file=sys.stdout)

def rec(n):
    return rec(n + 1)
try:
    rec(0)
except RecursionError:
    lines = traceback.format_exc().splitlines()
    print(lines[:8], lines[-3:])

try:
    exec("x = (")
except SyntaxError:
    traceback.print_exc(file=sys.stdout)
    print(traceback.format_exception_only(*sys.exc_info()[:2]))

def show_stack():
    for line in traceback.format_stack():
        print(line, end='')
    print(traceback.extract_stack()[-1].name)
    traceback.print_stack(file=sys.stdout)
show_stack()
class MyErr(Exception):
    pass
print(traceback.format_exception_only(MyErr, MyErr('custom')))
print(traceback.format_exception_only(MyErr('x')))
print(traceback.format_list([('a.py', 3, 'fn', 'x = 1'), ('b.py', 4, 'gn', '')]))
try:
    [1, 2].appendd(3)
except AttributeError:
    traceback.print_exc(limit=1, file=sys.stdout)
e = ValueError('no tb')
print(traceback.format_exception(e))
try:
    raise KeyError('boom')
except KeyError as err:
    err.add_note('a note')
    traceback.print_exception(err, file=sys.stdout)
print(traceback.format_exc())
