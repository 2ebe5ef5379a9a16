"""tempfile for the runtime: temporary files and directories in the sandboxed file system's /tmp.

CPython draws names from a random sequence (tmpXXXXXXXX with 8 characters of
"abcdefghijklmnopqrstuvwxyz0123456789_"); here the sequence comes from a fixed seed, so the
same program makes the same names every run (they still differ from any one CPython run's).
Nothing reaches the real disk: /tmp is the sandbox's.
"""

import io as _io
import os as _os
import shutil as _shutil
from random import Random as _Random

__all__ = ["NamedTemporaryFile", "TemporaryFile", "SpooledTemporaryFile", "TemporaryDirectory",
           "mkstemp", "mkdtemp", "mktemp", "TMP_MAX", "gettempprefix", "tempdir", "gettempdir",
           "gettempprefixb", "gettempdirb"]

TMP_MAX = 10000
template = "tmp"
tempdir = None


class _RandomNameSequence:
    characters = "abcdefghijklmnopqrstuvwxyz0123456789_"

    def __init__(self):
        self.rng = _Random(0x5eed)

    def __iter__(self):
        return self

    def __next__(self):
        return ''.join(self.rng.choice(self.characters) for _ in range(8))


_name_sequence = _RandomNameSequence()


def gettempprefix():
    return template


def gettempprefixb():
    return template.encode()


def gettempdir():
    return tempdir if tempdir is not None else '/tmp'


def gettempdirb():
    return gettempdir().encode()


def _sanitize(prefix, suffix, dir):
    if suffix is None:
        suffix = ''
    if prefix is None:
        prefix = template
    if dir is None:
        dir = gettempdir()
    return prefix, suffix, _os.fspath(dir)


def _unused_name(prefix, suffix, dir):
    for _ in range(TMP_MAX):
        name = _os.path.join(dir, prefix + next(_name_sequence) + suffix)
        if not _os.path.exists(name):
            return _os.path.abspath(name)
    raise FileExistsError(17, "No usable temporary file name found")


def mkstemp(suffix=None, prefix=None, dir=None, text=False):
    prefix, suffix, dir = _sanitize(prefix, suffix, dir)
    name = _unused_name(prefix, suffix, dir)
    fd = _os.open(name, _os.O_RDWR | _os.O_CREAT | _os.O_EXCL, 0o600)
    return fd, name


def mkdtemp(suffix=None, prefix=None, dir=None):
    prefix, suffix, dir = _sanitize(prefix, suffix, dir)
    name = _unused_name(prefix, suffix, dir)
    _os.mkdir(name, 0o700)
    return name


def mktemp(suffix="", prefix=template, dir=None):
    if dir is None:
        dir = gettempdir()
    return _unused_name(prefix, suffix, dir)


class _TemporaryFileWrapper:
    """A file object with a name that is removed when closed (if delete)."""

    def __init__(self, file, name, delete=True):
        self.file = file
        self.name = name
        self._path = name
        self.delete = delete
        self._closed = False

    def __getattr__(self, name):
        return getattr(self.__dict__['file'], name)

    def __enter__(self):
        self.file.__enter__()
        return self

    def __exit__(self, exc, value, tb):
        self.close()
        return None

    def close(self):
        if not self._closed:
            self._closed = True
            try:
                self.file.close()
            finally:
                if self.delete:
                    try:
                        _os.unlink(self._path)
                    except FileNotFoundError:
                        pass

    def __iter__(self):
        for line in self.file:
            yield line

    def __repr__(self):
        return f"<tempfile._TemporaryFileWrapper object at 0x{id(self):x}>"


def NamedTemporaryFile(mode='w+b', buffering=-1, encoding=None, newline=None, suffix=None,
                       prefix=None, dir=None, delete=True, *, errors=None):
    prefix, suffix, dir = _sanitize(prefix, suffix, dir)
    name = _unused_name(prefix, suffix, dir)
    _os.close(_os.open(name, _os.O_RDWR | _os.O_CREAT | _os.O_EXCL, 0o600))
    file = _io.open(name, mode,
                    buffering=buffering, newline=newline, encoding=encoding, errors=errors)
    return _TemporaryFileWrapper(file, name, delete)


def TemporaryFile(mode='w+b', buffering=-1, encoding=None, newline=None, suffix=None,
                  prefix=None, dir=None, *, errors=None):
    # Linux's O_TMPFILE gives a file with no name: CPython's .name is then the descriptor.
    prefix, suffix, dir = _sanitize(prefix, suffix, dir)
    name = _unused_name(prefix, suffix, dir)
    fd = _os.open(name, _os.O_RDWR | _os.O_CREAT | _os.O_EXCL, 0o600)
    file = _io.open(fd, mode, buffering=buffering, newline=newline, encoding=encoding, errors=errors)
    return _UnnamedFile(file, fd, name)


class _UnnamedFile(_TemporaryFileWrapper):
    def __init__(self, file, fd, path):
        super().__init__(file, path, True)
        self.name = fd  # the file system path stays in _path for the removal at close


class SpooledTemporaryFile(_TemporaryFileWrapper):
    def __init__(self, max_size=0, mode='w+b', buffering=-1, encoding=None, newline=None,
                 suffix=None, prefix=None, dir=None, *, errors=None):
        file = _io.BytesIO() if 'b' in mode else _io.StringIO(newline="\n")
        super().__init__(file, None, False)
        self._rolled = False

    def rollover(self):
        self._rolled = True


class TemporaryDirectory:
    """A directory removed (with everything in it) by cleanup() or at the end of a with block."""

    def __init__(self, suffix=None, prefix=None, dir=None, ignore_cleanup_errors=False):
        self.name = mkdtemp(suffix, prefix, dir)
        self._ignore_cleanup_errors = ignore_cleanup_errors
        self._cleaned = False

    def __repr__(self):
        return "<{} {!r}>".format(self.__class__.__name__, self.name)

    def __enter__(self):
        return self.name

    def __exit__(self, exc, value, tb):
        self.cleanup()

    def cleanup(self):
        if not self._cleaned and _os.path.exists(self.name):
            self._cleaned = True
            _shutil.rmtree(self.name, ignore_errors=self._ignore_cleanup_errors)
