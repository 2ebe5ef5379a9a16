"""OS routines for the runtime: the path module, a process-like identity and the environment.
Nothing here reaches the machine: files come from the host through _os."""

import sys
import _os
import posixpath as path

sys.modules['os.path'] = path

name = 'posix'
sep = path.sep
curdir = path.curdir
pardir = path.pardir
extsep = path.extsep
altsep = path.altsep
pathsep = path.pathsep
defpath = path.defpath
devnull = path.devnull
linesep = '\n'

environ = {'PATH': '/usr/local/bin:/usr/bin:/bin', 'HOME': '/root', 'LANG': 'C.UTF-8'}


def getenv(key, default=None):
    return environ.get(key, default)


def getcwd():
    return _os.getcwd()


def getpid():
    return _os.getpid()


def getppid():
    return _os.getpid() - 1


def cpu_count():
    return 2


def fspath(p):
    return path._fspath(p)


def listdir(p='.'):
    return []


def urandom(n):
    import random
    return bytes([random.getrandbits(8) for _ in range(n)])


class PathLike:
    pass
