# generators: send/throw/close, throw(type, value) forms, throw through yield from, return values, PEP 479
def echo():
    received = []
    try:
        while True:
            try:
                x = yield len(received)
                received.append(x)
            except ValueError as e:
                received.append(('caught', type(e).__name__, e.args))
    finally:
        received.append('closed')
def drive(*ops):
    g = echo()
    out = [next(g)]
    for op, arg in ops:
        try:
            out.append(getattr(g, op)(*arg))
        except BaseException as e:
            out.append(f'{type(e).__name__}: {e}')
    return out
show(lambda: drive(('send', ('a',)), ('send', ('b',))))
show(lambda: drive(('throw', (ValueError,))))
show(lambda: drive(('throw', (ValueError, 'msg'))))
show(lambda: drive(('throw', (ValueError, ('a', 'b')))))
show(lambda: drive(('throw', (ValueError, ValueError('inst')))))
show(lambda: drive(('throw', (ValueError('inst'),))))
show(lambda: drive(('throw', (ValueError(), 'extra'))))
show(lambda: drive(('throw', (ValueError, None, None))))
show(lambda: drive(('throw', (KeyError, 'k'))))
show(lambda: drive(('throw', (5,))))
show(lambda: drive(('throw', (int,))))
show(lambda: drive(('close', ()), ('send', (1,))))
show(lambda: drive(('throw', (ValueError, 'x', 5))))
def fresh():
    yield 1
show(lambda: fresh().send(5))
show(lambda: fresh().send(None))
show(lambda: fresh().throw(ValueError('before start')))
def close_fresh():
    g = fresh()
    g.close()
    return next(g, 'exhausted')
show(close_fresh)
def returns():
    yield 1
    return 'result'
def get_return():
    g = returns()
    next(g)
    try:
        next(g)
    except StopIteration as e:
        return e.value, e.args
show(get_return)
def delegator():
    result = yield from returns()
    yield ('delegated result', result)
show(lambda: list(delegator()))
def inner():
    try:
        yield 'inner 1'
        yield 'inner 2'
    except KeyError as e:
        yield f'inner caught {e!r}'
    finally:
        print('inner finally')
def outer():
    try:
        r = yield from inner()
        yield ('outer got', r)
    except ValueError as e:
        yield f'outer caught {e!r}'
def throw_through():
    g = outer()
    out = [next(g)]
    out.append(g.throw(KeyError('k')))
    out.append(next(g, 'end'))
    return out
show(throw_through)
def throw_through_uncaught():
    g = outer()
    out = [next(g)]
    out.append(g.throw(ValueError, 'v'))
    return out
show(throw_through_uncaught)
def close_through():
    g = outer()
    next(g)
    g.close()
    return 'closed'
show(close_through)
def yield_from_iterator():
    r = yield from [1, 2]
    return r
show(lambda: list(yield_from_iterator()))
def throw_into_list_delegation():
    g = yield_from_iterator()
    next(g)
    return g.throw(TypeError('into list'))
show(throw_into_list_delegation)
def send_to_list_delegation():
    g = yield_from_iterator()
    next(g)
    return g.send(5)
show(send_to_list_delegation)
def pep479():
    yield 1
    raise StopIteration('leak')
show(lambda: list(pep479()))
def pep479_next():
    def g():
        yield next(iter([]))
    return list(g())
show(pep479_next)
def ignores_exit():
    try:
        yield 1
    except GeneratorExit:
        yield 2
def close_ignored():
    g = ignores_exit()
    next(g)
    g.close()
show(close_ignored)
def running():
    def g():
        me.send(None)
        yield
    me = g()
    next(me)
show(running)
show(lambda: (fresh().__name__, fresh().__qualname__, type(fresh()).__name__))
def gen_state():
    import inspect
    g = fresh()
    states = [inspect.getgeneratorstate(g)]
    next(g)
    states.append(inspect.getgeneratorstate(g))
    g.close()
    states.append(inspect.getgeneratorstate(g))
    return states
show(gen_state)
def gi_attrs():
    g = fresh()
    before = (g.gi_running, g.gi_frame is not None, g.gi_yieldfrom)
    list(g)
    return before, g.gi_frame
show(gi_attrs)
def gen_exp_throw():
    g = (x for x in range(3))
    next(g)
    return g.throw(IndexError('ge'))
show(gen_exp_throw)
def yield_in_finally_return():
    def g():
        try:
            yield 1
        finally:
            return 'from finally'
    it = g()
    next(it)
    try:
        it.throw(ValueError('swallowed'))
    except StopIteration as e:
        return e.value
show(yield_in_finally_return)
def throw_traceback_arg():
    def g():
        yield
    it = g()
    next(it)
    return it.throw(ValueError, 'x', 'not a traceback')
show(throw_traceback_arg)
