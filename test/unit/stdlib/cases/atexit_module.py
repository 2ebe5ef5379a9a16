import atexit
def bye(name):
    print('bye', name)
class Bad:
    def __call__(self):
        raise ValueError('oops')
    def __repr__(self):
        return '<Bad callback>'
atexit.register(bye, 'first')
atexit.register(Bad())
@atexit.register
def last():
    print('registered last, runs first')
atexit.register(bye, 'unregistered')
atexit.unregister(bye)
atexit.register(bye, 'kept')
print('main done')
