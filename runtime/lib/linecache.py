"""linecache for the runtime: source lines of the program's files and of the shipped library,
from the same provider the traceback printer uses (_traceback.getline)."""

import _traceback

__all__ = ["getline", "clearcache", "checkcache", "lazycache"]

cache = {}


def getline(filename, lineno, module_globals=None):
    return _traceback.getline(filename, lineno)


def getlines(filename, module_globals=None):
    lines = []
    n = 1
    while True:
        line = _traceback.getline(filename, n)
        if not line:
            return lines
        lines.append(line)
        n += 1


def clearcache():
    cache.clear()


def checkcache(filename=None):
    pass


def updatecache(filename, module_globals=None):
    return getlines(filename, module_globals)


def lazycache(filename, module_globals):
    return False
