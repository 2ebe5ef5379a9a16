"""JSONEncoder: the pure-Python encoder of Lib/json/encoder.py, same output byte for byte."""

ESCAPE_DCT = {
    '\\': '\\\\',
    '"': '\\"',
    '\b': '\\b',
    '\f': '\\f',
    '\n': '\\n',
    '\r': '\\r',
    '\t': '\\t',
}
for _i in range(0x20):
    ESCAPE_DCT.setdefault(chr(_i), '\\u{0:04x}'.format(_i))
del _i

INFINITY = float('inf')


def py_encode_basestring(s):
    return '"' + ''.join([ESCAPE_DCT.get(c, c) for c in s]) + '"'


def _ascii_char(c):
    e = ESCAPE_DCT.get(c)
    if e is not None:
        return e
    n = ord(c)
    if n < 0x7f:
        return c
    if n < 0x10000:
        return '\\u{0:04x}'.format(n)
    n -= 0x10000
    s1 = 0xd800 | ((n >> 10) & 0x3ff)
    s2 = 0xdc00 | (n & 0x3ff)
    return '\\u{0:04x}\\u{1:04x}'.format(s1, s2)


def py_encode_basestring_ascii(s):
    return '"' + ''.join([_ascii_char(c) for c in s]) + '"'


encode_basestring = py_encode_basestring
encode_basestring_ascii = py_encode_basestring_ascii


class JSONEncoder(object):
    item_separator = ', '
    key_separator = ': '

    def __init__(self, *, skipkeys=False, ensure_ascii=True,
                 check_circular=True, allow_nan=True, sort_keys=False,
                 indent=None, separators=None, default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ','
        if default is not None:
            self.default = default

    def default(self, o):
        raise TypeError(f'Object of type {o.__class__.__name__} '
                        f'is not JSON serializable')

    def encode(self, o):
        if isinstance(o, str):
            if self.ensure_ascii:
                return encode_basestring_ascii(o)
            return encode_basestring(o)
        return ''.join(self.iterencode(o))

    def iterencode(self, o, _one_shot=False):
        chunks = []
        _Encoding(self, chunks).encode(o, 0)
        return chunks


class _Encoding:
    """One encode() call: the markers for cycle detection and the output chunks."""

    def __init__(self, encoder, chunks):
        self.e = encoder
        self.out = chunks
        self.markers = {} if encoder.check_circular else None
        indent = encoder.indent
        if indent is not None and not isinstance(indent, str):
            indent = ' ' * indent
        self.indent = indent
        self.str_encoder = encode_basestring_ascii if encoder.ensure_ascii else encode_basestring

    def floatstr(self, o):
        if o != o:
            text = 'NaN'
        elif o == INFINITY:
            text = 'Infinity'
        elif o == -INFINITY:
            text = '-Infinity'
        else:
            return float.__repr__(o)
        if not self.e.allow_nan:
            raise ValueError("Out of range float values are not JSON compliant")
        return text

    def enter(self, o):
        if self.markers is not None:
            markerid = id(o)
            if markerid in self.markers:
                raise ValueError("Circular reference detected")
            self.markers[markerid] = o
            return markerid
        return None

    def leave(self, markerid):
        if markerid is not None:
            del self.markers[markerid]

    def encode(self, o, level):
        out = self.out
        if isinstance(o, str):
            out.append(self.str_encoder(o))
        elif o is None:
            out.append('null')
        elif o is True:
            out.append('true')
        elif o is False:
            out.append('false')
        elif isinstance(o, int):
            out.append(int.__repr__(o))
        elif isinstance(o, float):
            out.append(self.floatstr(o))
        elif isinstance(o, (list, tuple)):
            self.encode_list(o, level)
        elif isinstance(o, dict):
            self.encode_dict(o, level)
        else:
            markerid = self.enter(o)
            self.encode(self.e.default(o), level)
            self.leave(markerid)

    def newline(self, level):
        return '\n' + self.indent * level

    def encode_list(self, lst, level):
        out = self.out
        if not lst:
            out.append('[]')
            return
        markerid = self.enter(lst)
        out.append('[')
        if self.indent is not None:
            level += 1
            separator = self.e.item_separator + self.newline(level)
            out.append(self.newline(level))
        else:
            separator = self.e.item_separator
        first = True
        for value in lst:
            if not first:
                out.append(separator)
            first = False
            self.encode(value, level)
        if self.indent is not None:
            level -= 1
            out.append(self.newline(level))
        out.append(']')
        self.leave(markerid)

    def encode_dict(self, dct, level):
        out = self.out
        if not dct:
            out.append('{}')
            return
        markerid = self.enter(dct)
        out.append('{')
        if self.indent is not None:
            level += 1
            item_separator = self.e.item_separator + self.newline(level)
            out.append(self.newline(level))
        else:
            item_separator = self.e.item_separator
        first = True
        items = sorted(dct.items()) if self.e.sort_keys else dct.items()
        for key, value in items:
            if isinstance(key, str):
                pass
            elif isinstance(key, float):
                key = self.floatstr(key)
            elif key is True:
                key = 'true'
            elif key is False:
                key = 'false'
            elif key is None:
                key = 'null'
            elif isinstance(key, int):
                key = int.__repr__(key)
            elif self.e.skipkeys:
                continue
            else:
                raise TypeError(f'keys must be str, int, float, bool or None, '
                                f'not {key.__class__.__name__}')
            if not first:
                out.append(item_separator)
            first = False
            out.append(self.str_encoder(key))
            out.append(self.e.key_separator)
            self.encode(value, level)
        if self.indent is not None:
            level -= 1
            out.append(self.newline(level))
        out.append('}')
        self.leave(markerid)
