"""OS routines for the runtime: the path module, a process-like identity, the environment and the
file system calls. Nothing here reaches the machine: files live in the host's sandboxed file
system (reads may fall through to the program's folder; writes stay in memory) through _os."""

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


# Each simulated process (multiprocessing, fork) has its own pid: runtime/src/modules/mpNative.ts.
import _mp_native

getpid = _mp_native.pid
getppid = _mp_native.ppid
fork = _mp_native.fork


def cpu_count():
    return 2


def fspath(p):
    return path._fspath(p)


def chdir(path):
    _os.chdir(fspath(path))


def listdir(path='.'):
    return _os.listdir(fspath(path))


def mkdir(path, mode=0o777, *, dir_fd=None):
    _os.mkdir(fspath(path))


def makedirs(name, mode=0o777, exist_ok=False):
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    if head and tail and not path.exists(head):
        try:
            makedirs(head, exist_ok=exist_ok)
        except FileExistsError:
            pass
    try:
        mkdir(name, mode)
    except OSError:
        if not exist_ok or not path.isdir(name):
            raise


def rmdir(path, *, dir_fd=None):
    _os.rmdir(fspath(path))


def removedirs(name):
    rmdir(name)
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    while head and tail:
        try:
            rmdir(head)
        except OSError:
            break
        head, tail = path.split(head)


def remove(path, *, dir_fd=None):
    _os.unlink(fspath(path))


unlink = remove


def rename(src, dst, *, src_dir_fd=None, dst_dir_fd=None):
    _os.rename(fspath(src), fspath(dst))


replace = rename


class stat_result:
    """os.stat()'s result: mode, size and a virtual mtime (the sandbox keeps no other metadata)."""

    def __init__(self, is_dir, size, mtime):
        self.st_mode = 0o40755 if is_dir else 0o100644
        self.st_ino = 0
        self.st_dev = 0
        self.st_nlink = 2 if is_dir else 1
        self.st_uid = 0
        self.st_gid = 0
        self.st_size = size
        self.st_atime = self.st_mtime = self.st_ctime = mtime

    def __getitem__(self, i):
        return (self.st_mode, self.st_ino, self.st_dev, self.st_nlink, self.st_uid, self.st_gid,
                self.st_size, int(self.st_atime), int(self.st_mtime), int(self.st_ctime))[i]

    def __repr__(self):
        return (f'os.stat_result(st_mode={self.st_mode}, st_ino={self.st_ino}, st_dev={self.st_dev}, '
                f'st_nlink={self.st_nlink}, st_uid={self.st_uid}, st_gid={self.st_gid}, '
                f'st_size={self.st_size}, st_atime={int(self.st_atime)}, st_mtime={int(self.st_mtime)}, '
                f'st_ctime={int(self.st_ctime)})')


def stat(path, *, dir_fd=None, follow_symlinks=True):
    return stat_result(*_os.stat(fspath(path)))


lstat = stat


class DirEntry:
    def __init__(self, directory, name):
        self.name = name
        self.path = path.join(directory, name)

    def is_dir(self, *, follow_symlinks=True):
        return _os.isdir(self.path)

    def is_file(self, *, follow_symlinks=True):
        return _os.isfile(self.path)

    def is_symlink(self):
        return False

    def stat(self, *, follow_symlinks=True):
        return stat(self.path)

    def __fspath__(self):
        return self.path

    def __repr__(self):
        return f'<DirEntry {self.name!r}>'


class _ScandirIterator:
    def __init__(self, entries):
        self._it = iter(entries)

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._it)

    def __enter__(self):
        return self

    def __exit__(self, *args):
        pass

    def close(self):
        pass


def scandir(path='.'):
    directory = fspath(path)
    return _ScandirIterator([DirEntry(directory, n) for n in _os.listdir(directory)])


def walk(top, topdown=True, onerror=None, followlinks=False):
    top = fspath(top)
    try:
        names = _os.listdir(top)
    except OSError as err:
        if onerror is not None:
            onerror(err)
        return
    dirs = [n for n in names if _os.isdir(path.join(top, n))]
    nondirs = [n for n in names if n not in dirs]
    if topdown:
        yield top, dirs, nondirs
        for d in dirs:
            yield from walk(path.join(top, d), topdown, onerror, followlinks)
    else:
        for d in dirs:
            yield from walk(path.join(top, d), topdown, onerror, followlinks)
        yield top, dirs, nondirs


# File descriptors (os.open/os.write/os.close, tempfile.mkstemp): a table of path and position.
O_RDONLY = 0
O_WRONLY = 1
O_RDWR = 2
O_CREAT = 0o100
O_EXCL = 0o200
O_TRUNC = 0o1000
O_APPEND = 0o2000
O_NOFOLLOW = 0o400000
O_CLOEXEC = 0o2000000
_fds = {}
_next_fd = [3]


def open(file, flags, mode=0o777, *, dir_fd=None):
    p = fspath(file)
    exists = _os.exists(p)
    if flags & O_CREAT and flags & O_EXCL and exists:
        raise FileExistsError(17, 'File exists', p)
    if not exists:
        if not flags & O_CREAT:
            raise FileNotFoundError(2, 'No such file or directory', p)
        _os.write(p, b'')
    elif flags & O_TRUNC:
        _os.write(p, b'')
    fd = _next_fd[0]
    _next_fd[0] += 1
    _fds[fd] = [_os.abspath(p), 0, flags]
    return fd


def _fd_entry(fd):
    try:
        return _fds[fd]
    except KeyError:
        raise OSError(9, 'Bad file descriptor') from None


def _fd_path(fd):
    return _fd_entry(fd)[0]


def close(fd):
    _fd_entry(fd)
    del _fds[fd]


def write(fd, data):
    entry = _fd_entry(fd)
    content = _os.read(entry[0])
    pos = len(content) if entry[2] & O_APPEND else entry[1]
    data = bytes(data)
    if pos > len(content):
        content += bytes(pos - len(content))
    _os.write(entry[0], content[:pos] + data + content[pos + len(data):])
    entry[1] = pos + len(data)
    return len(data)


def read(fd, n):
    entry = _fd_entry(fd)
    data = _os.read(entry[0])[entry[1]:entry[1] + n]
    entry[1] += len(data)
    return data


def lseek(fd, pos, how):
    entry = _fd_entry(fd)
    if how == 0:
        entry[1] = pos
    elif how == 1:
        entry[1] += pos
    else:
        entry[1] = len(_os.read(entry[0])) + pos
    return entry[1]


def fdopen(fd, mode='r', buffering=-1, encoding=None, *args, **kwargs):
    import io
    return io.open(fd, mode, buffering, encoding, *args, **kwargs)


def urandom(n):
    import random
    return bytes([random.getrandbits(8) for _ in range(n)])


class PathLike:
    pass


SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2
F_OK = 0
R_OK = 4
W_OK = 2
X_OK = 1


def access(path, mode, *, dir_fd=None, effective_ids=False, follow_symlinks=True):
    return _os.exists(fspath(path))
