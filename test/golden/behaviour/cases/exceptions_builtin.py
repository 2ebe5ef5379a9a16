# built-in exceptions: args, str/repr, attributes, hierarchy, OSError errno mapping, chaining
for exc in (ValueError(), ValueError('x'), ValueError('x', 2), ValueError(None), KeyError('k'), KeyError(),
            KeyError('a', 'b'), IndexError(5), StopIteration(3), SystemExit(2), OSError(2, 'No such file'),
            OSError(2, 'No such file', 'f.txt'), OSError('just msg'), FileNotFoundError(2, 'x'), UnicodeError('u'),
            Exception(['list']), BaseException(), AttributeError('a'), NameError('n'), SyntaxError('bad', ('f.py', 1, 2, 'x y', 1, 3))):
    show(lambda: (repr(exc), str(exc), exc.args, type(exc).__mro__[1].__name__))
show(lambda: OSError(2, 'No such file') .__class__)
show(lambda: type(OSError(13, 'denied')).__name__)
show(lambda: type(OSError(17, 'exists')).__name__)
show(lambda: (OSError(2, 'x', 'f').errno, OSError(2, 'x', 'f').strerror, OSError(2, 'x', 'f').filename))
show(lambda: OSError(1, 'x', 'a', None, 'b'))
show(lambda: (IOError is OSError, EnvironmentError is OSError))
show(lambda: AttributeError('x', name='n', obj=1).name)
show(lambda: NameError('y', name='q').name)
show(lambda: ImportError('msg', name='mod', path='p').name)
show(lambda: ImportError('msg', name='mod').path)
show(lambda: ImportError(bogus=1))
show(lambda: SystemExit(1, 2).code)
show(lambda: SystemExit().code)
show(lambda: StopIteration().value)
show(lambda: UnicodeDecodeError('utf-8', b'\xff', 0, 1, 'invalid start byte'))
show(lambda: str(UnicodeDecodeError('utf-8', b'\xff', 0, 1, 'invalid start byte')))
show(lambda: str(UnicodeEncodeError('ascii', 'é', 0, 1, 'ordinal not in range(128)')))
show(lambda: KeyError('k').__str__())
show(lambda: str(KeyError(1, 2)))
show(lambda: [c.__name__ for c in ZeroDivisionError.__mro__])
show(lambda: [c.__name__ for c in FileNotFoundError.__mro__])
show(lambda: [c.__name__ for c in KeyboardInterrupt.__mro__])
show(lambda: [c.__name__ for c in ModuleNotFoundError.__mro__])
show(lambda: [c.__name__ for c in RecursionError.__mro__])
show(lambda: [c.__name__ for c in UnicodeDecodeError.__mro__])
show(lambda: [c.__name__ for c in DeprecationWarning.__mro__])
show(lambda: [c.__name__ for c in StopAsyncIteration.__mro__])
show(lambda: [c.__name__ for c in BrokenPipeError.__mro__])
show(lambda: [c.__name__ for c in IndentationError.__mro__])
show(lambda: [c.__name__ for c in TabError.__mro__])
show(lambda: [c.__name__ for c in NotImplementedError.__mro__])
show(lambda: [c.__name__ for c in ExceptionGroup.__mro__])
def chained():
    try:
        try:
            1 / 0
        except ZeroDivisionError as e:
            raise ValueError('second') from e
    except ValueError as e:
        return repr(e.__cause__), repr(e.__context__), e.__suppress_context__
show(chained)
def implicit():
    try:
        try:
            1 / 0
        except ZeroDivisionError:
            raise ValueError('second')
    except ValueError as e:
        return repr(e.__cause__), repr(e.__context__), e.__suppress_context__
show(implicit)
def from_none():
    try:
        try:
            {}['x']
        except KeyError:
            raise TypeError('t') from None
    except TypeError as e:
        return repr(e.__cause__), repr(e.__context__), e.__suppress_context__
show(from_none)
def raise_bad():
    raise 5
show(raise_bad)
def raise_class():
    raise KeyError
show(raise_class)
def raise_from_bad():
    raise ValueError from 5
show(raise_from_bad)
def with_traceback():
    e = ValueError('v')
    return e.with_traceback(None) is e, e.__traceback__
show(with_traceback)
def notes():
    e = ValueError('v')
    e.add_note('note 1')
    e.add_note('note 2')
    return e.__notes__
show(notes)
show(lambda: ValueError('v').add_note(5))
def set_args():
    e = ValueError('a')
    e.args = ('b', 'c')
    return str(e), repr(e)
show(set_args)
def exc_attrs():
    e = Exception()
    e.custom = 1
    return e.custom, sorted(n for n in dir(e) if not n.startswith('_'))
show(exc_attrs)
class MyError(Exception):
    def __init__(self, a, b):
        super().__init__(a)
        self.b = b
show(lambda: (repr(MyError(1, 2)), str(MyError(1, 2)), MyError(1, 2).args))
class MyStr(Exception):
    def __str__(self):
        return 'custom str'
show(lambda: (repr(MyStr('x')), str(MyStr('x'))))
show(lambda: ExceptionGroup('grp', [ValueError(1), TypeError(2)]))
show(lambda: str(ExceptionGroup('grp', [ValueError(1), TypeError(2)])))
show(lambda: ExceptionGroup('grp', []))
show(lambda: ExceptionGroup('grp', [1]))
show(lambda: type(ExceptionGroup('g', [KeyboardInterrupt()])).__name__ if False else BaseExceptionGroup('g', [KeyboardInterrupt()]))
show(lambda: type(BaseExceptionGroup('g', [ValueError()])).__name__)
show(lambda: ExceptionGroup('g', [ValueError(1), TypeError(2)]).subgroup(ValueError))
show(lambda: ExceptionGroup('g', [ValueError(1), TypeError(2)]).split(TypeError))
show(lambda: ExceptionGroup('g', [ValueError(1)]).exceptions)
