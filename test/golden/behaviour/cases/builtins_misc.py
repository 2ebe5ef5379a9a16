# other builtins: hash(), id(), callable, __import__, isinstance with unions, help-less checks, input-less
show(lambda: (hash(1), hash('abc'), hash((1, 'a')), hash(b'x'), hash(2.5), hash(frozenset([1])), hash(True)))
show(lambda: hash([]))
show(lambda: hash({}))
show(lambda: hash(set()))
show(lambda: hash(bytearray()))
class H:
    def __hash__(self):
        return 2**70
class Neg:
    def __hash__(self):
        return -1
class Str:
    def __hash__(self):
        return 'x'
class IntSubHash:
    def __hash__(self):
        return True
show(lambda: hash(H()))
show(lambda: hash(Neg()))
show(lambda: hash(Str()))
show(lambda: hash(IntSubHash()))
show(lambda: __import__('math').sqrt(16))
show(lambda: __import__('os.path').__name__)
show(lambda: __import__('no_such_module_xyz'))
show(lambda: type(__import__('sys')).__name__)
show(lambda: (isinstance(1, int | None), isinstance(None, int | None), int | str, (int | str).__args__))
show(lambda: int | 1)
show(lambda: list[int])
show(lambda: dict[str, list[int]])
show(lambda: tuple[int, ...])
show(lambda: list[int]([1, 2]))
show(lambda: type(list[int]).__name__)
show(lambda: list[int].__origin__)
show(lambda: isinstance([], list[int]))
import builtins
show(lambda: builtins.len is len)
show(lambda: builtins.__name__)
show(lambda: sorted(n for n in dir(builtins) if n[0].islower() and not n.startswith('_'))[:40])
show(lambda: ('True' in dir(builtins), 'Ellipsis' in dir(builtins), 'BaseException' in dir(builtins)))
show(lambda: builtins.abs(-1))
show(lambda: type(len).__name__)
show(lambda: len.__name__)
show(lambda: len.__qualname__)
show(lambda: len.__module__)
show(lambda: len)
show(lambda: len.__self__)
show(lambda: [].append.__self__)
show(lambda: str.join.__name__)
show(lambda: str.join.__qualname__)
show(lambda: str.join.__objclass__)
show(lambda: len.__call__([1]))
show(lambda: sorted.__text_signature__)
show(lambda: len.__text_signature__)
show(lambda: len.__doc__)
show(lambda: callable(builtins.open))
show(lambda: type(NotImplemented).__name__)
show(lambda: bool(__debug__))
