"""shlex for the runtime: split, quote and join with POSIX shell rules (Lib/shlex.py)."""

import re

__all__ = ["shlex", "split", "quote", "join"]

_find_unsafe = re.compile(r'[^\w@%+=:,./-]', re.ASCII).search


def quote(s):
    """Return a shell-escaped version of the string *s*."""
    if not s:
        return "''"
    if _find_unsafe(s) is None:
        return s
    return "'" + s.replace("'", "'\"'\"'") + "'"


def join(split_command):
    return ' '.join(quote(arg) for arg in split_command)


def split(s, comments=False, posix=True):
    """Split the string *s* using shell-like syntax."""
    if s is None:
        raise ValueError("s argument must not be None")
    words = []
    word = None
    i = 0
    n = len(s)
    while i < n:
        c = s[i]
        if c in ' \t\r\n':
            if word is not None:
                words.append(word)
                word = None
            i += 1
        elif comments and c == '#' and word is None:
            while i < n and s[i] != '\n':
                i += 1
        elif c == "'":
            end = s.find("'", i + 1)
            if end < 0:
                raise ValueError("No closing quotation")
            word = (word or '') + s[i + 1:end]
            i = end + 1
        elif c == '"':
            i += 1
            buf = []
            while True:
                if i >= n:
                    raise ValueError("No closing quotation")
                ch = s[i]
                if ch == '"':
                    i += 1
                    break
                if ch == '\\' and i + 1 < n and s[i + 1] in '\\"$`\n':
                    buf.append(s[i + 1])
                    i += 2
                    continue
                buf.append(ch)
                i += 1
            word = (word or '') + ''.join(buf)
        elif c == '\\':
            if i + 1 >= n:
                raise ValueError("No escaped character")
            word = (word or '') + s[i + 1]
            i += 2
        else:
            word = (word or '') + c
            i += 1
    if word is not None:
        words.append(word)
    return words


class shlex:
    """A minimal lexical analyzer: iterating yields split() tokens."""

    def __init__(self, instream=None, infile=None, posix=False, punctuation_chars=False):
        self._tokens = split(instream if isinstance(instream, str) else (instream.read() if instream else ''))
        self.whitespace_split = False

    def get_token(self):
        return self._tokens.pop(0) if self._tokens else ''

    def __iter__(self):
        return self

    def __next__(self):
        if not self._tokens:
            raise StopIteration
        return self._tokens.pop(0)
