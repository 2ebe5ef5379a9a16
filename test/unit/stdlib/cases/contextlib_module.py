import contextlib
import sys
from contextlib import contextmanager, suppress, closing, nullcontext, ExitStack

@contextmanager
def tag(name):
    print(f'<{name}>')
    try:
        yield name.upper()
    finally:
        print(f'</{name}>')

with tag('p') as t:
    print('inside', t)

try:
    with tag('err'):
        raise ValueError('boom')
except ValueError as e:
    print('caught', e)

@contextmanager
def swallow():
    try:
        yield
    except KeyError as e:
        print('swallowed', repr(e))

with swallow():
    {}['missing']
print('after swallow')

with suppress(ZeroDivisionError, KeyError):
    1 / 0
print('suppressed')

class Resource:
    def close(self):
        print('closed')

with closing(Resource()) as r:
    print('using', type(r).__name__)

with nullcontext(42) as v:
    print(v)

with ExitStack() as stack:
    for name in ['a', 'b']:
        stack.enter_context(tag(name))
    stack.callback(print, 'callback ran')
    print('body')

@tag('decorated')
def work():
    print('working')
work()

@contextmanager
def no_yield():
    if False:
        yield
try:
    with no_yield():
        pass
except RuntimeError as e:
    print('RuntimeError:', e)

class Log:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
    def flush(self):
        pass

log = Log()
with contextlib.redirect_stdout(log):
    print('hidden')
print('captured', repr(''.join(log.parts)))
