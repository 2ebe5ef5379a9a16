class_dict = {}
exec("def f(self):\n    print('hi', x)\nx = 5", globals(), class_dict)
print(sorted(class_dict))
print(eval("1 + 2"), eval("  x * 2", {"x": 21}))
g = {}
exec("a = 1\nb = a + 1", g)
print(g['b'], '__builtins__' in g)
code = compile("print('from code')", "<mine>", "exec")
print(code.co_filename if hasattr(code, 'co_filename') else '?')
exec(code)
c2 = compile("3 * 7", "<e>", "eval")
print(eval(c2))
exec(compile("1+1\nNone\n'x'", "<s>", "exec"))
exec(compile("6*7", "<s>", "single"))
def f():
    y = 10
    return eval("y + 1")
print(f())
class M:
    def __getitem__(self, k):
        if k == 'q': return 99
        raise KeyError(k)
    def __setitem__(self, k, v): print('set', k, v)
exec("z = q + 1", {}, M())
try:
    compile("a=1\nb=2", "<s>", "single")
except SyntaxError as e:
    print(e, e.args)
try:
    exec("x = (")
except SyntaxError as e:
    print(repr(e), e.msg, e.filename, e.lineno, e.offset, repr(e.text))
for bad in ["exec(1)", "eval('x', [])", "compile('x', 'f', 'bogus')", "exec('x', {}, 1)"]:
    try:
        exec(bad)
    except Exception as e:
        print(type(e).__name__, e)
print(SyntaxError('m', ('f.py', 3, 4, 'txt', 3, 6)))
print(SyntaxError('only').__dict__, SyntaxError().msg)
eval("1 +* 2")
