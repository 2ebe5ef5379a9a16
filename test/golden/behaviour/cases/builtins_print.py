# print(): sep/end/file/flush, the write calls it makes (one per piece), errors, str() of arguments
import sys
class Recorder:
    def __init__(self):
        self.calls = []
    def write(self, text):
        self.calls.append(text)
        return len(text)
    def flush(self):
        self.calls.append('<flush>')
def record(*args, **kwargs):
    r = Recorder()
    print(*args, file=r, **kwargs)
    return r.calls
show(lambda: record())
show(lambda: record('a'))
show(lambda: record('a', 'b', 3))
show(lambda: record('a', 'b', sep=''))
show(lambda: record('a', 'b', sep=None, end=None))
show(lambda: record('a', end=''))
show(lambda: record('a', 'b', sep='--', end='!\n'))
show(lambda: record('x', flush=True))
show(lambda: record(None, 1.5, [1, 'a']))
show(lambda: record('a', sep=5))
show(lambda: record('a', end=5))
show(lambda: record('a', bogus=1))
class NoWrite:
    pass
show(lambda: print('x', file=NoWrite()))
show(lambda: print('x', file=None))
class StrBoom:
    def __str__(self):
        raise ValueError('str failed')
show(lambda: record('before', StrBoom()))
print('plain', 1, 2.5, None, True, [1, 'two'], {'k': (1,)})
print('a', 'b', sep='')
print('no newline', end='')
print()
print('x', 'y', sep='\n')
print(*range(5), sep=', ')
print('to stderr', file=sys.stderr)
print('to stdout', file=sys.stdout, flush=True)
print('', end='')
print(end='done\n')
sys.stdout.write('direct write\n')
show(lambda: sys.stdout.write('counted\n'))
show(lambda: print is print)
show(lambda: print.__name__)
show(lambda: type(print).__name__)
show(lambda: print.__self__.__name__ if hasattr(print, '__self__') else None)
