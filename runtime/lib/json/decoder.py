"""JSONDecoder: a recursive-descent parser with Lib/json/decoder.py's results and messages
("Expecting value: line 1 column 1 (char 0)")."""

__all__ = ['JSONDecoder', 'JSONDecodeError']


class JSONDecodeError(ValueError):
    def __init__(self, msg, doc, pos):
        lineno = doc.count('\n', 0, pos) + 1
        colno = pos - doc.rfind('\n', 0, pos)
        errmsg = '%s: line %d column %d (char %d)' % (msg, lineno, colno, pos)
        ValueError.__init__(self, errmsg)
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno

    def __reduce__(self):
        return self.__class__, (self.msg, self.doc, self.pos)


_CONSTANTS = {
    '-Infinity': float('-inf'),
    'Infinity': float('inf'),
    'NaN': float('nan'),
}

_WS = ' \t\n\r'
_BACKSLASH = {
    '"': '"', '\\': '\\', '/': '/',
    'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t',
}
_DIGITS = '0123456789'


class _Parser:
    def __init__(self, decoder, s):
        self.d = decoder
        self.s = s

    def skip_ws(self, i):
        s = self.s
        n = len(s)
        while i < n and s[i] in _WS:
            i += 1
        return i

    def value(self, i):
        s = self.s
        if i >= len(s):
            raise JSONDecodeError("Expecting value", s, i)
        c = s[i]
        if c == '"':
            return self.string(i + 1)
        if c == '{':
            return self.object(i + 1)
        if c == '[':
            return self.array(i + 1)
        if c == 'n' and s.startswith('null', i):
            return None, i + 4
        if c == 't' and s.startswith('true', i):
            return True, i + 4
        if c == 'f' and s.startswith('false', i):
            return False, i + 5
        if c == 'N' and s.startswith('NaN', i):
            return self.d.parse_constant('NaN'), i + 3
        if c == 'I' and s.startswith('Infinity', i):
            return self.d.parse_constant('Infinity'), i + 8
        if c == '-' and s.startswith('-Infinity', i):
            return self.d.parse_constant('-Infinity'), i + 9
        return self.number(i)

    def number(self, i):
        s = self.s
        n = len(s)
        j = i
        if j < n and s[j] == '-':
            j += 1
        if j < n and s[j] == '0':
            j += 1
        elif j < n and s[j] in '123456789':
            while j < n and s[j] in _DIGITS:
                j += 1
        else:
            raise JSONDecodeError("Expecting value", s, i)
        is_float = False
        if j + 1 < n and s[j] == '.' and s[j + 1] in _DIGITS:
            is_float = True
            j += 2
            while j < n and s[j] in _DIGITS:
                j += 1
        if j < n and s[j] in 'eE':
            k = j + 1
            if k < n and s[k] in '+-':
                k += 1
            if k < n and s[k] in _DIGITS:
                is_float = True
                while k < n and s[k] in _DIGITS:
                    k += 1
                j = k
        text = s[i:j]
        if is_float:
            return self.d.parse_float(text), j
        return self.d.parse_int(text), j

    def string(self, i):
        s = self.s
        n = len(s)
        begin = i - 1
        chunks = []
        while True:
            j = i
            while j < n and s[j] != '"' and s[j] != '\\':
                if s[j] < ' ' and self.d.strict:
                    raise JSONDecodeError("Invalid control character at", s, j)
                j += 1
            chunks.append(s[i:j])
            if j >= n:
                raise JSONDecodeError("Unterminated string starting at", s, begin)
            if s[j] == '"':
                return ''.join(chunks), j + 1
            j += 1
            if j >= n:
                raise JSONDecodeError("Unterminated string starting at", s, begin)
            esc = s[j]
            if esc != 'u':
                if esc not in _BACKSLASH:
                    raise JSONDecodeError("Invalid \\escape", s, j - 1)
                chunks.append(_BACKSLASH[esc])
                i = j + 1
                continue
            uni = self.hex4(j + 1)
            i = j + 5
            if 0xd800 <= uni <= 0xdbff and s[i:i + 2] == '\\u':
                uni2 = self.hex4(i + 2)
                if 0xdc00 <= uni2 <= 0xdfff:
                    uni = 0x10000 + (((uni - 0xd800) << 10) | (uni2 - 0xdc00))
                    i += 6
            chunks.append(chr(uni))

    def hex4(self, pos):
        esc = self.s[pos:pos + 4]
        if len(esc) == 4 and esc[1] not in 'xX':
            try:
                return int(esc, 16)
            except ValueError:
                pass
        raise JSONDecodeError("Invalid \\uXXXX escape", self.s, pos - 1)

    def object(self, i):
        s = self.s
        pairs = []
        i = self.skip_ws(i)
        if i < len(s) and s[i] == '}':
            return self.finish_object(pairs), i + 1
        while True:
            if i >= len(s) or s[i] != '"':
                raise JSONDecodeError(
                    "Expecting property name enclosed in double quotes", s, i)
            key, i = self.string(i + 1)
            i = self.skip_ws(i)
            if i >= len(s) or s[i] != ':':
                raise JSONDecodeError("Expecting ':' delimiter", s, i)
            i = self.skip_ws(i + 1)
            value, i = self.value(i)
            pairs.append((key, value))
            i = self.skip_ws(i)
            if i < len(s) and s[i] == '}':
                return self.finish_object(pairs), i + 1
            if i >= len(s) or s[i] != ',':
                raise JSONDecodeError("Expecting ',' delimiter", s, i)
            i = self.skip_ws(i + 1)

    def finish_object(self, pairs):
        if self.d.object_pairs_hook is not None:
            return self.d.object_pairs_hook(pairs)
        result = dict(pairs)
        if self.d.object_hook is not None:
            return self.d.object_hook(result)
        return result

    def array(self, i):
        s = self.s
        values = []
        i = self.skip_ws(i)
        if i < len(s) and s[i] == ']':
            return values, i + 1
        while True:
            value, i = self.value(i)
            values.append(value)
            i = self.skip_ws(i)
            if i < len(s) and s[i] == ']':
                return values, i + 1
            if i >= len(s) or s[i] != ',':
                raise JSONDecodeError("Expecting ',' delimiter", s, i)
            i = self.skip_ws(i + 1)


class JSONDecoder(object):
    def __init__(self, *, object_hook=None, parse_float=None,
                 parse_int=None, parse_constant=None, strict=True,
                 object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.parse_constant = parse_constant or _CONSTANTS.__getitem__
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook

    def decode(self, s):
        parser = _Parser(self, s)
        obj, end = self.raw_decode(s, parser.skip_ws(0))
        end = parser.skip_ws(end)
        if end != len(s):
            raise JSONDecodeError("Extra data", s, end)
        return obj

    def raw_decode(self, s, idx=0):
        return _Parser(self, s).value(idx)
