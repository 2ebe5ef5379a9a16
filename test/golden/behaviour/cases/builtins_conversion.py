# conversion builtins: chr, ord, bin, oct, hex, ascii, repr, format, str/int/float/bool/list/tuple results
show(lambda: (chr(65), chr(0), chr(0x7f), chr(0xe9), chr(0x20ac), chr(0xd800), chr(0x10ffff)))
show(lambda: chr(0x110000))
show(lambda: chr('a'))
show(lambda: chr(2**70))
show(lambda: chr(1.5))
show(lambda: chr(True))
show(lambda: (ord('A'), ord('é'), ord('\x00'), ord(b'A'), ord(bytearray(b'z'))))
show(lambda: ord('ab'))
show(lambda: ord(b'ab'))
show(lambda: ord(5))
show(lambda: ord(''))
show(lambda: (bin(0), bin(5), bin(-5), oct(64), oct(-8), hex(255), hex(-255), hex(2**64)))
show(lambda: bin(1.0))
show(lambda: hex('a'))
show(lambda: (ascii('abc'), ascii('é'), ascii('😀'), ascii(['é']), ascii(b'\xe9'), ascii(1)))
show(lambda: (repr('x'), repr(1), repr(1.0), repr(None), repr([1]), repr(repr)))
show(lambda: repr())
class BadRepr:
    def __repr__(self):
        return 5
class ReprRaises:
    def __repr__(self):
        raise ValueError('nope')
class StrOnly:
    def __str__(self):
        return 'str!'
show(lambda: repr(BadRepr()))
show(lambda: repr(ReprRaises()))
show(lambda: str(BadRepr()))
show(lambda: (str(StrOnly()), repr(StrOnly())[:17], format(StrOnly())))
show(lambda: [ReprRaises()])
show(lambda: (format(5), format(5, 'x'), format('a', '>3'), format(1.5, '.3f'), format([1]), format(None)))
show(lambda: format([1], 'x'))
show(lambda: format(5, 5))
show(lambda: (list((1, 2)), tuple([1, 2]), list({'a': 1}.items()), tuple('ab'), set('aa'), frozenset('ab') == {'a', 'b'}))
show(lambda: (int('7'), float('7'), complex('7'), bool('7'), str(7), bytes(7)))
class StrSub(str):
    def __str__(self):
        return 'overridden'
show(lambda: str(StrSub('x')))
show(lambda: type(str(StrSub('x'))))
show(lambda: '%s' % StrSub('x'))
show(lambda: f'{StrSub("x")}')
show(lambda: print.__name__)
class R:
    def __repr__(self):
        return 'R()'
show(lambda: (str(R()), format(R()), f'{R()}', f'{R()!r}', '%s' % R(), '{}'.format(R())))
show(lambda: ascii(R()))
class Unicode:
    def __repr__(self):
        return 'Ünïcode'
show(lambda: ascii(Unicode()))
