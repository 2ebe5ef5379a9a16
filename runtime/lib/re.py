"""Regular expressions: CPython's re API (compile, search, match, fullmatch, findall,
finditer, sub, subn, split, escape) with its Pattern/Match reprs, over the _re engine."""

import _re

__all__ = ["match", "fullmatch", "search", "sub", "subn", "split", "findall", "finditer",
           "compile", "purge", "escape", "error", "Pattern", "Match", "A", "I", "L", "M",
           "S", "X", "U", "ASCII", "IGNORECASE", "LOCALE", "MULTILINE", "DOTALL", "VERBOSE",
           "UNICODE", "NOFLAG", "RegexFlag"]


class RegexFlag(int):
    _names = {}

    def __new__(cls, value, name=None):
        self = int.__new__(cls, value)
        self._name = name
        return self

    def __repr__(self):
        return self._describe()

    __str__ = __repr__

    def _describe(self):
        if self._name is not None:
            return 're.' + self._name
        parts = [('re.' + name) for bit, name in _FLAG_NAMES if self & bit]
        rest = int(self) & ~_ALL_FLAGS
        if rest:
            parts.append(hex(rest))
        return '|'.join(parts) if parts else 're.NOFLAG'

    def __or__(self, other):
        if isinstance(other, int):
            return RegexFlag(int(self) | int(other))
        return NotImplemented

    __ror__ = __or__

    def __and__(self, other):
        if isinstance(other, int):
            return RegexFlag(int(self) & int(other))
        return NotImplemented

    __rand__ = __and__


_FLAG_NAMES = [(256, 'ASCII'), (2, 'IGNORECASE'), (4, 'LOCALE'), (32, 'UNICODE'),
               (8, 'MULTILINE'), (16, 'DOTALL'), (64, 'VERBOSE'), (128, 'TEMPLATE'), (1, 'DEBUG')]
_ALL_FLAGS = 511

A = ASCII = RegexFlag(256, 'ASCII')
I = IGNORECASE = RegexFlag(2, 'IGNORECASE')
L = LOCALE = RegexFlag(4, 'LOCALE')
U = UNICODE = RegexFlag(32, 'UNICODE')
M = MULTILINE = RegexFlag(8, 'MULTILINE')
S = DOTALL = RegexFlag(16, 'DOTALL')
X = VERBOSE = RegexFlag(64, 'VERBOSE')
NOFLAG = RegexFlag(0, 'NOFLAG')


class error(Exception):
    """Invalid regular expression: msg, and the pattern and position it was found at."""

    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        if pattern is not None and pos is not None:
            msg = '%s at position %d' % (msg, pos)
            newline = '\n' if isinstance(pattern, str) else b'\n'
            self.lineno = pattern[:pos].count(newline) + 1 if isinstance(pattern, str) else 1
            self.colno = pos - (pattern[:pos].rfind(newline) if isinstance(pattern, str) else -1)
            if isinstance(pattern, str) and newline in pattern:
                msg = '%s (line %d, column %d)' % (msg, self.lineno, self.colno)
        else:
            self.lineno = self.colno = None
        super().__init__(msg)


error.__module__ = 're'


PatternError = error


class Match:
    def __init__(self, pattern, string, pos, endpos, spans):
        self.re = pattern
        self.string = string
        self.pos = pos
        self.endpos = endpos
        self._spans = spans

    def _index(self, group):
        if isinstance(group, int) and not isinstance(group, bool):
            if 0 <= group <= self.re.groups:
                return group
        elif isinstance(group, str):
            index = self.re.groupindex.get(group)
            if index is not None:
                return index
        raise IndexError("no such group")

    def span(self, group=0):
        i = self._index(group)
        return (self._spans[2 * i], self._spans[2 * i + 1])

    def start(self, group=0):
        return self.span(group)[0]

    def end(self, group=0):
        return self.span(group)[1]

    def _group(self, group, default=None):
        start, end = self.span(group)
        if start < 0:
            return default
        return self.string[start:end]

    def group(self, *groups):
        if not groups:
            return self._group(0)
        if len(groups) == 1:
            return self._group(groups[0])
        return tuple([self._group(g) for g in groups])

    def __getitem__(self, group):
        return self._group(group)

    def groups(self, default=None):
        return tuple([self._group(i, default) for i in range(1, self.re.groups + 1)])

    def groupdict(self, default=None):
        return {name: self._group(index, default) for name, index in self.re.groupindex.items()}

    @property
    def lastindex(self):
        best = None
        best_end = -1
        for i in range(1, self.re.groups + 1):
            start, end = self.span(i)
            if start >= 0 and end >= best_end:
                best, best_end = i, end
        return best

    @property
    def lastgroup(self):
        index = self.lastindex
        for name, i in self.re.groupindex.items():
            if i == index:
                return name
        return None

    @property
    def regs(self):
        return tuple([self.span(i) for i in range(self.re.groups + 1)])

    def expand(self, template):
        return _expand_template(template, self)

    def __bool__(self):
        return True

    def __repr__(self):
        return f"<re.Match object; span={self.span()!r}, match={self.group()!r}>"


class Pattern:
    def __init__(self, pattern, flags):
        self.pattern = pattern
        flags = int(flags)
        if isinstance(pattern, str) and not flags & 256:
            flags |= 32
        try:
            handle, groups, groupindex = _re.compile(pattern, flags)
        except ValueError as e:
            raise error(e.args[0], pattern, e.args[1]) from None
        self._handle = handle
        self.groups = groups
        self.groupindex = groupindex
        self.flags = flags
        self._bytes = not isinstance(pattern, str)

    def _exec(self, string, pos, endpos, mode):
        if isinstance(string, str):
            if self._bytes:
                raise TypeError("cannot use a bytes pattern on a string-like object")
        elif isinstance(string, (bytes, bytearray)):
            if not self._bytes:
                raise TypeError("cannot use a string pattern on a bytes-like object")
        else:
            raise TypeError(f"expected string or bytes-like object, got '{type(string).__name__}'")
        n = len(string)
        if pos < 0:
            pos = 0
        if endpos is None or endpos > n:
            endpos = n
        spans = _re.exec(self._handle, string, pos, endpos, mode)
        if spans is None:
            return None
        return Match(self, string, pos, endpos, spans)

    def search(self, string, pos=0, endpos=None):
        return self._exec(string, pos, endpos, 0)

    def match(self, string, pos=0, endpos=None):
        return self._exec(string, pos, endpos, 1)

    def fullmatch(self, string, pos=0, endpos=None):
        return self._exec(string, pos, endpos, 2)

    def finditer(self, string, pos=0, endpos=None):
        return iter(self._all(string, pos, endpos))

    def _all(self, string, pos=0, endpos=None):
        # sre since 3.7: after an empty match the next one must not be empty at the same place,
        # but an empty match right after a non-empty one is kept ('x*' on 'abxd': 5 matches).
        matches = []
        n = len(string) if endpos is None else min(endpos, len(string))
        must_advance = False
        while pos <= n:
            m = self._exec(string, pos, n, 0)
            if m is None:
                break
            start, end = m.span()
            if must_advance and start == end == pos:
                pos += 1
                must_advance = False
                continue
            matches.append(m)
            must_advance = start == end
            pos = end
        return matches

    def findall(self, string, pos=0, endpos=None):
        result = []
        for m in self._all(string, pos, endpos):
            if self.groups == 0:
                result.append(m.group())
            elif self.groups == 1:
                result.append(m._group(1, ''))
            else:
                result.append(m.groups(''))
        return result

    def subn(self, repl, string, count=0):
        if callable(repl):
            func = repl
        else:
            template = repl

            def func(m):
                return _expand_template(template, m)
        pieces = []
        last = 0
        n = 0
        for m in self._all(string):
            if count and n >= count:
                break
            start, end = m.span()
            pieces.append(string[last:start])
            pieces.append(func(m))
            last = end
            n += 1
        pieces.append(string[last:])
        return _join(pieces, string[:0]), n

    def sub(self, repl, string, count=0):
        return self.subn(repl, string, count)[0]

    def split(self, string, maxsplit=0):
        pieces = []
        last = 0
        n = 0
        for m in self._all(string):
            if maxsplit and n >= maxsplit:
                break
            start, end = m.span()
            pieces.append(string[last:start])
            pieces.extend(m.groups())
            last = end
            n += 1
        pieces.append(string[last:])
        return pieces

    def __repr__(self):
        flags = int(self.flags) & ~32 if not self._bytes else int(self.flags)
        if flags:
            return f"re.compile({self.pattern!r}, {RegexFlag(flags)!r})"
        return f"re.compile({self.pattern!r})"

    def __eq__(self, other):
        if not isinstance(other, Pattern):
            return NotImplemented
        return self.pattern == other.pattern and self.flags == other.flags

    def __hash__(self):
        return hash((self.pattern, int(self.flags)))


def _join(pieces, empty):
    if isinstance(empty, str):
        return ''.join(pieces)
    result = bytes(empty)
    for piece in pieces:
        result += piece
    return result


def _expand_template(template, m):
    if not isinstance(template, str):
        # A bytes template: expanded as Latin-1 text, literal pieces turned back into bytes.
        pieces = _expand_template(''.join([chr(b) for b in template]), _BytesGroups(m))
        return pieces
    out = []
    i = 0
    n = len(template)
    while i < n:
        c = template[i]
        if c != '\\' or i + 1 >= n:
            out.append(c)
            i += 1
            continue
        nxt = template[i + 1]
        if nxt == 'g' and i + 2 < n and template[i + 2] == '<':
            close = template.index('>', i + 3)
            name = template[i + 3:close]
            group = int(name) if name.isdigit() else name
            out.append(m._group(group, ''))
            i = close + 1
        elif nxt.isdigit():
            j = i + 1
            while j < n and j < i + 3 and template[j].isdigit():
                j += 1
            group = int(template[i + 1:j])
            if group > m.re.groups:
                raise error('invalid group reference %d' % group, template, i + 1)
            out.append(m._group(group, ''))
            i = j
        else:
            escapes = {'n': '\n', 't': '\t', 'r': '\r', '\\': '\\', 'f': '\f', 'v': '\v', 'a': '\a', 'b': '\b'}
            if nxt in escapes:
                out.append(escapes[nxt])
            elif nxt.isascii() and nxt.isalpha():
                raise error('bad escape \\%s at position %d' % (nxt, i))
            else:
                out.append('\\' + nxt)
            i += 2
    return m._join_pieces(out) if hasattr(m, '_join_pieces') else ''.join(out)


class _BytesGroups:
    """A bytes Match seen by the str template expander: groups as Latin-1 text, result as bytes."""

    def __init__(self, m):
        self._m = m
        self.re = m.re

    def _group(self, group, default=None):
        value = self._m._group(group, default)
        return ''.join([chr(b) for b in value]) if isinstance(value, (bytes, bytearray)) else value

    def _join_pieces(self, pieces):
        return bytes([ord(ch) for ch in ''.join(pieces)])


_cache = {}


def _compile(pattern, flags):
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError("cannot process flags argument with a compiled pattern")
        return pattern
    if not isinstance(pattern, (str, bytes)):
        raise TypeError("first argument must be string or compiled pattern")
    key = (type(pattern), pattern, int(flags))
    p = _cache.get(key)
    if p is None:
        p = Pattern(pattern, flags)
        _cache[key] = p
    return p


def compile(pattern, flags=0):
    return _compile(pattern, flags)


def search(pattern, string, flags=0):
    return _compile(pattern, flags).search(string)


def match(pattern, string, flags=0):
    return _compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    return _compile(pattern, flags).fullmatch(string)


def findall(pattern, string, flags=0):
    return _compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    return _compile(pattern, flags).finditer(string)


def sub(pattern, repl, string, count=0, flags=0):
    return _compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    return _compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    return _compile(pattern, flags).split(string, maxsplit)


def purge():
    _cache.clear()




def escape(pattern):
    special = '()[]{}?*+-|^$\\.&~# \t\n\r\v\f'
    return ''.join([('\\' + c) if c in special else c for c in pattern])
