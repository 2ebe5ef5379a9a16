"""Timing small bits of code (Lib/timeit.py) for callables: Timer, timeit, repeat,
default_timer. Statement strings need exec() of source, which the runtime does not have yet:
they raise NotImplementedError with that reason rather than timing the wrong thing."""

import time

__all__ = ["Timer", "timeit", "repeat", "default_timer"]

default_number = 1000000
default_repeat = 5
default_timer = time.perf_counter


def _as_callable(value, what):
    if callable(value):
        return value
    if isinstance(value, str):
        if value.strip() in ('', 'pass'):
            return lambda: None
        raise NotImplementedError(f'timeit of a {what} string needs exec() of source, '
                                  'which this runtime does not support yet; pass a callable')
    raise ValueError(f'{what} is neither a string nor callable')


class Timer:
    def __init__(self, stmt="pass", setup="pass", timer=default_timer, globals=None):
        self.timer = timer
        self._stmt = _as_callable(stmt, 'stmt')
        self._setup = _as_callable(setup, 'setup')

    def timeit(self, number=default_number):
        self._setup()
        stmt = self._stmt
        start = self.timer()
        for _ in range(number):
            stmt()
        return self.timer() - start

    def repeat(self, repeat=default_repeat, number=default_number):
        return [self.timeit(number) for _ in range(repeat)]

    def autorange(self, callback=None):
        i = 1
        while True:
            for j in 1, 2, 5:
                number = i * j
                time_taken = self.timeit(number)
                if callback:
                    callback(number, time_taken)
                if time_taken >= 0.2:
                    return (number, time_taken)
            i *= 10


def timeit(stmt="pass", setup="pass", timer=default_timer, number=default_number, globals=None):
    return Timer(stmt, setup, timer, globals).timeit(number)


def repeat(stmt="pass", setup="pass", timer=default_timer, repeat=default_repeat,
           number=default_number, globals=None):
    return Timer(stmt, setup, timer, globals).repeat(repeat, number)
