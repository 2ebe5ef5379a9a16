"""fnmatch for the runtime: shell-style pattern matching (Lib/fnmatch.py), through re."""

import re
import posixpath

__all__ = ["filter", "fnmatch", "fnmatchcase", "translate"]

_cache = {}


def fnmatch(name, pat):
    name = posixpath.normcase(name) if hasattr(posixpath, 'normcase') else name
    return fnmatchcase(name, pat)


def _compile_pattern(pat):
    p = _cache.get(pat)
    if p is None:
        p = re.compile(translate(pat)).match
        _cache[pat] = p
    return p


def filter(names, pat):
    match = _compile_pattern(pat)
    return [name for name in names if match(name)]


def fnmatchcase(name, pat):
    return _compile_pattern(pat)(name) is not None


def translate(pat):
    """Shell pattern to a regular expression (the text CPython 3.11 produces for simple patterns)."""
    res = []
    i, n = 0, len(pat)
    while i < n:
        c = pat[i]
        i += 1
        if c == '*':
            if not res or res[-1] != '.*':
                res.append('.*')
        elif c == '?':
            res.append('.')
        elif c == '[':
            j = i
            if j < n and pat[j] == '!':
                j += 1
            if j < n and pat[j] == ']':
                j += 1
            while j < n and pat[j] != ']':
                j += 1
            if j >= n:
                res.append('\\[')
            else:
                stuff = pat[i:j].replace('\\', '\\\\')
                i = j + 1
                if stuff[0] == '!':
                    stuff = '^' + stuff[1:]
                elif stuff[0] in ('^', '['):
                    stuff = '\\' + stuff
                res.append('[%s]' % stuff)
        else:
            res.append(re.escape(c))
    return '(?s:%s)\\Z' % ''.join(res)
