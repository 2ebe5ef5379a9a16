"""io for the runtime: StringIO/BytesIO, and open() over the program's sandboxed file system.

Files are CPython's layering in miniature: a binary buffered file (BufferedReader/Writer/Random)
holding the file's bytes and a write-back buffer, and a TextIOWrapper on top for text modes
(encoding, universal newlines, tell/seek cookies that are byte positions). Bytes reach the host's
file system (through _os) when the buffer is flushed: on flush(), close(), when more than
DEFAULT_BUFFER_SIZE bytes are pending, or when the file object dies, so another handle sees what
it would see under CPython. Reprs and error messages are _io's."""

import _os

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2


class UnsupportedOperation(OSError, ValueError):
    pass


def _find_newline(data, start):
    """Index of the first b'\\n' at or after start, or -1 (a loop: works for any bytes-like)."""
    for i in range(start, len(data)):
        if data[i] == 10:
            return i
    return -1


class StringIO:
    def __init__(self, initial_value='', newline='\n'):
        if initial_value is None:
            initial_value = ''
        if not isinstance(initial_value, str):
            raise TypeError(f'initial_value must be str or None, not {type(initial_value).__name__}')
        self._buffer = initial_value
        self._pos = 0
        self.closed = False

    def _check_open(self):
        if self.closed:
            raise ValueError('I/O operation on closed file.')

    def write(self, s):
        self._check_open()
        if not isinstance(s, str):
            raise TypeError(f'string argument expected, got {type(s).__name__!r}')
        buf = self._buffer
        if self._pos > len(buf):
            buf += '\0' * (self._pos - len(buf))
        self._buffer = buf[:self._pos] + s + buf[self._pos + len(s):]
        self._pos += len(s)
        return len(s)

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def getvalue(self):
        self._check_open()
        return self._buffer

    def read(self, size=-1):
        self._check_open()
        if size is None or size < 0:
            end = len(self._buffer)
        else:
            end = min(self._pos + size, len(self._buffer))
        result = self._buffer[self._pos:end]
        self._pos = max(self._pos, end)
        return result

    def readline(self, size=-1):
        self._check_open()
        end = self._buffer.find('\n', self._pos)
        end = len(self._buffer) if end < 0 else end + 1
        if size is not None and size >= 0:
            end = min(end, self._pos + size)
        result = self._buffer[self._pos:end]
        self._pos = max(self._pos, end)
        return result

    def readlines(self, hint=-1):
        return list(self)

    def __iter__(self):
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def seek(self, pos, whence=0):
        self._check_open()
        if whence == 0:
            if pos < 0:
                raise ValueError(f'Negative seek position {pos}')
            self._pos = pos
        elif whence == 1:
            if pos != 0:
                raise OSError("Can't do nonzero cur-relative seeks")
        elif whence == 2:
            if pos != 0:
                raise OSError("Can't do nonzero end-relative seeks")
            self._pos = len(self._buffer)
        else:
            raise ValueError(f'Invalid whence ({whence}, should be 0, 1 or 2)')
        return self._pos

    def tell(self):
        self._check_open()
        return self._pos

    def truncate(self, size=None):
        self._check_open()
        if size is None:
            size = self._pos
        self._buffer = self._buffer[:size]
        return size

    def close(self):
        self.closed = True

    def flush(self):
        pass

    def readable(self):
        return True

    def writable(self):
        return True

    def seekable(self):
        return True

    def isatty(self):
        return False

    def fileno(self):
        raise UnsupportedOperation('fileno')

    def __enter__(self):
        self._check_open()
        return self

    def __exit__(self, *args):
        self.close()


class BytesIO:
    def __init__(self, initial_bytes=b''):
        self._buffer = bytes(initial_bytes) if initial_bytes is not None else b''
        self._pos = 0
        self.closed = False

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()

    def close(self):
        self.closed = True

    def readable(self):
        return True

    def writable(self):
        return True

    def seekable(self):
        return True

    def flush(self):
        pass

    def getbuffer(self):
        return self._buffer

    def fileno(self):
        raise UnsupportedOperation('fileno')

    def readline(self, size=-1):
        end = _find_newline(self._buffer, self._pos)
        end = len(self._buffer) if end < 0 else end + 1
        if size is not None and size >= 0:
            end = min(end, self._pos + size)
        result = bytes(self._buffer[self._pos:end])
        self._pos += len(result)
        return result

    def readlines(self, hint=-1):
        return list(self)

    def __iter__(self):
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def truncate(self, size=None):
        if size is None:
            size = self._pos
        self._buffer = self._buffer[:size]
        return size

    def write(self, b):
        if self.closed:
            raise ValueError('I/O operation on closed file.')
        if not isinstance(b, (bytes, bytearray)):
            raise TypeError(f"a bytes-like object is required, not '{type(b).__name__}'")
        data = bytes(b)
        buf = self._buffer
        if self._pos > len(buf):
            buf += bytes(self._pos - len(buf))
        self._buffer = buf[:self._pos] + data + buf[self._pos + len(data):]
        self._pos += len(data)
        return len(data)

    def getvalue(self):
        return bytes(self._buffer)

    def read(self, size=-1):
        end = len(self._buffer) if size is None or size < 0 else self._pos + size
        result = bytes(self._buffer[self._pos:end])
        self._pos += len(result)
        return result

    def seek(self, pos, whence=0):
        self._pos = pos if whence == 0 else self._pos + pos if whence == 1 else len(self._buffer) + pos
        return self._pos

    def tell(self):
        return self._pos


DEFAULT_BUFFER_SIZE = 8192


def _check_mode(mode, encoding, errors, newline):
    """io.open's argument checks, with _io's messages."""
    if not isinstance(mode, str):
        raise TypeError(f"open() argument 'mode' must be str, not {type(mode).__name__}")
    modes = set(mode)
    if modes - set("axrwb+t") or len(mode) > len(modes):
        raise ValueError("invalid mode: %r" % mode)
    creating = "x" in modes
    reading = "r" in modes
    writing = "w" in modes
    appending = "a" in modes
    text = "t" in modes
    binary = "b" in modes
    if text and binary:
        raise ValueError("can't have text and binary mode at once")
    if creating + reading + writing + appending > 1:
        raise ValueError("must have exactly one of create/read/write/append mode")
    if not (creating or reading or writing or appending):
        raise ValueError("Must have exactly one of create/read/write/append mode and at most one plus")
    if binary and encoding is not None:
        raise ValueError("binary mode doesn't take an encoding argument")
    if binary and errors is not None:
        raise ValueError("binary mode doesn't take an errors argument")
    if binary and newline is not None:
        raise ValueError("binary mode doesn't take a newline argument")
    if newline is not None and newline not in ('', '\n', '\r', '\r\n'):
        raise ValueError("illegal newline value: %s" % newline)
    return binary


class _BufferedFile:
    """The binary file: its bytes in memory, written back to the file system on flush."""

    # Until __init__ succeeds the object counts as closed, so __del__ of a file whose open
    # failed (FileExistsError, FileNotFoundError) does nothing.
    _closed = True
    _pending = 0

    def __init__(self, name, path, mode):
        self.name = name
        self._path = path
        self._readable = 'r' in mode or '+' in mode
        self._writable = 'r' not in mode or '+' in mode
        self._append = 'a' in mode
        if 'r' in mode:
            self._data = _os.read(path)
        elif 'w' in mode:
            self._data = b''
            _os.write(path, b'')
        elif 'x' in mode:
            if _os.exists(path):
                raise FileExistsError(17, 'File exists', name)
            self._data = b''
            _os.write(path, b'')
        else:
            self._data = _os.read(path) if _os.exists(path) else b''
            if not _os.exists(path):
                _os.write(path, b'')
        self._pos = len(self._data) if self._append else 0
        self._pending = 0
        self._closed = False
        raw = 'xb' if 'x' in mode else 'ab' if self._append else 'wb' if 'w' in mode else 'rb'
        self.mode = raw + '+' if '+' in mode else raw

    def __repr__(self):
        name = self.name
        return f"<_io.{type(self).__name__} name={name!r}>"

    @property
    def closed(self):
        return self._closed

    @property
    def raw(self):
        return self

    def _check_open(self):
        if self._closed:
            raise ValueError('I/O operation on closed file.')

    def _check_readable(self):
        self._check_open()
        if not self._readable:
            raise UnsupportedOperation('read')

    def _check_writable(self):
        self._check_open()
        if not self._writable:
            raise UnsupportedOperation('write')

    def readable(self):
        self._check_open()
        return self._readable

    def writable(self):
        self._check_open()
        return self._writable

    def seekable(self):
        self._check_open()
        return True

    def isatty(self):
        self._check_open()
        return False

    def fileno(self):
        self._check_open()
        return 3

    def read(self, size=-1):
        self._check_readable()
        end = len(self._data) if size is None or size < 0 else min(len(self._data), self._pos + size)
        result = self._data[self._pos:end]
        self._pos = max(self._pos, end)
        return result

    read1 = read

    def readline(self, size=-1):
        self._check_readable()
        end = _find_newline(self._data, self._pos)
        end = len(self._data) if end < 0 else end + 1
        if size is not None and size >= 0:
            end = min(end, self._pos + size)
        result = bytes(self._data[self._pos:end])
        self._pos = max(self._pos, end)
        return result

    def readlines(self, hint=-1):
        return list(self)

    def readinto(self, buffer):
        data = self.read(len(buffer))
        buffer[:len(data)] = data
        return len(data)

    def peek(self, size=0):
        self._check_readable()
        return bytes(self._data[self._pos:])

    def write(self, b):
        self._check_writable()
        if not isinstance(b, (bytes, bytearray)):
            raise TypeError(f"a bytes-like object is required, not '{type(b).__name__}'")
        data = bytes(b)
        if self._append:
            self._pos = len(self._data)
        # bytes, not bytearray: the buffer is rebuilt by slicing (no item assignment needed).
        if self._pos > len(self._data):
            self._data += bytes(self._pos - len(self._data))
        self._data = self._data[:self._pos] + data + self._data[self._pos + len(data):]
        self._pos += len(data)
        self._pending += len(data)
        if self._pending > DEFAULT_BUFFER_SIZE:
            self.flush()
        return len(data)

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def flush(self):
        self._check_open()
        if self._writable and self._pending:
            _os.write(self._path, self._data)
            self._pending = 0

    def seek(self, pos, whence=0):
        self._check_open()
        if whence == 0:
            if pos < 0:
                raise OSError(22, 'Invalid argument')
            self._pos = pos
        elif whence == 1:
            self._pos = max(0, self._pos + pos)
        elif whence == 2:
            self._pos = max(0, len(self._data) + pos)
        else:
            raise ValueError(f'whence value {whence} unsupported')
        return self._pos

    def tell(self):
        self._check_open()
        return self._pos

    def truncate(self, size=None):
        self._check_writable()
        if size is None:
            size = self._pos
        self._data = self._data[:size]
        self._pending += 1
        self.flush()
        return size

    def close(self):
        if not self._closed:
            try:
                self.flush()
            finally:
                self._closed = True

    def detach(self):
        self.flush()
        return self

    def __enter__(self):
        self._check_open()
        return self

    def __exit__(self, *args):
        self.close()

    def __iter__(self):
        self._check_open()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def __del__(self):
        self.close()


class BufferedReader(_BufferedFile):
    pass


class BufferedWriter(_BufferedFile):
    pass


class BufferedRandom(_BufferedFile):
    pass


class FileIO(_BufferedFile):
    pass


class TextIOWrapper:
    """Text over a binary file: encoding, newline translation, byte-position tell cookies."""

    def __init__(self, buffer, encoding=None, errors=None, newline=None, line_buffering=False, write_through=False):
        self.buffer = buffer
        self._encoding_given = encoding
        if encoding is not None:
            'x'.encode(encoding)  # LookupError: unknown encoding, as _io checks up front
        self.encoding = 'UTF-8' if encoding is None else encoding
        self.errors = 'strict' if errors is None else errors
        self._newline = newline
        self.line_buffering = line_buffering
        self.mode = getattr(buffer, 'mode', 'r')
        self.name = getattr(buffer, 'name', None)
        self._unread = None

    def __repr__(self):
        return f"<_io.TextIOWrapper name={self.name!r} mode={self.mode!r} encoding={self.encoding!r}>"

    @property
    def closed(self):
        return self.buffer.closed

    def _check_open(self):
        if self.buffer.closed:
            raise ValueError('I/O operation on closed file.')

    def readable(self):
        return self.buffer.readable()

    def writable(self):
        return self.buffer.writable()

    def seekable(self):
        return self.buffer.seekable()

    def isatty(self):
        return self.buffer.isatty()

    def fileno(self):
        return self.buffer.fileno()

    def _decode(self, data):
        return data.decode(self.encoding, self.errors)

    def _translate(self, text):
        if self._newline is None:
            return text.replace('\r\n', '\n').replace('\r', '\n')
        return text

    def write(self, s):
        self._check_open()
        if not isinstance(s, str):
            raise TypeError(f'write() argument must be str, not {type(s).__name__}')
        if not self.buffer.writable():
            raise UnsupportedOperation('not writable')
        text = s
        if self._newline not in (None, '', '\n'):
            text = text.replace('\n', self._newline)
        self.buffer.write(text.encode(self.encoding, self.errors))
        if self.line_buffering and ('\n' in s or '\r' in s):
            self.flush()
        return len(s)

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def _rest(self):
        self._check_open()
        if not self.buffer.readable():
            raise UnsupportedOperation('not readable')
        buf = self.buffer
        if isinstance(buf, _BufferedFile):
            return self._decode(buf._data[buf._pos:])
        # Any other binary stream (BytesIO, a user object): read it all once, hand out text.
        if self._unread is None:
            self._unread = self._decode(buf.read())
        return self._unread

    def _consume(self, raw_text):
        if isinstance(self.buffer, _BufferedFile):
            self.buffer._pos += len(raw_text.encode(self.encoding, self.errors))
        else:
            self._unread = self._unread[len(raw_text):]

    def read(self, size=-1):
        rest = self._rest()
        if size is None or size < 0:
            self._consume(rest)
            return self._translate(rest)
        out = []
        i = 0
        while len(out) < size and i < len(rest):
            ch = rest[i]
            if ch == '\r' and self._newline is None:
                if rest[i + 1:i + 2] == '\n':
                    i += 1
                ch = '\n'
            out.append(ch)
            i += 1
        self._consume(rest[:i])
        return ''.join(out)

    def readline(self, size=-1):
        rest = self._rest()
        nl = self._newline
        end = len(rest)
        if nl is None or nl == '':
            for j, ch in enumerate(rest):
                if ch == '\n':
                    end = j + 1
                    break
                if ch == '\r':
                    end = j + 2 if rest[j + 1:j + 2] == '\n' else j + 1
                    break
        else:
            j = rest.find(nl)
            if j >= 0:
                end = j + len(nl)
        if size is not None and size >= 0:
            end = min(end, size)
        raw = rest[:end]
        self._consume(raw)
        return self._translate(raw)

    def readlines(self, hint=-1):
        return list(self)

    def __iter__(self):
        self._check_open()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def flush(self):
        self.buffer.flush()

    def seek(self, cookie, whence=0):
        self._check_open()
        if whence == 1 and cookie != 0:
            raise UnsupportedOperation("can't do nonzero cur-relative seeks")
        if whence == 2 and cookie != 0:
            raise UnsupportedOperation("can't do nonzero end-relative seeks")
        if whence == 0 and cookie < 0:
            raise ValueError(f'negative seek position {cookie}')
        return self.buffer.seek(cookie, whence)

    def tell(self):
        self._check_open()
        return self.buffer.tell()

    def truncate(self, pos=None):
        return self.buffer.truncate(pos)

    def close(self):
        if not self.buffer.closed:
            self.buffer.close()

    def detach(self):
        buffer = self.buffer
        buffer.flush()
        return buffer

    def __enter__(self):
        self._check_open()
        return self

    def __exit__(self, *args):
        self.close()

    def __del__(self):
        self.close()


for _cls in (BufferedReader, BufferedWriter, BufferedRandom, FileIO, TextIOWrapper, StringIO, BytesIO):
    _cls.__module__ = '_io'
del _cls


def _path_of(file):
    """The file system path for open()'s file argument (an fd from os.open, str or PathLike)."""
    if isinstance(file, int):
        import os
        return os._fd_path(file)
    if hasattr(file, '__fspath__'):
        file = file.__fspath__()
    if isinstance(file, bytes):
        file = file.decode()
    if not isinstance(file, str):
        raise TypeError(f'expected str, bytes or os.PathLike object, not {type(file).__name__}')
    return file


def open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, closefd=True, opener=None):
    binary = _check_mode(mode, encoding, errors, newline)
    path = _path_of(file)
    if isinstance(file, int) or hasattr(file, '__fspath__') or isinstance(file, bytes):
        name = file
    else:
        name = path
    if '+' in mode:
        cls = BufferedRandom
    elif 'r' in mode:
        cls = BufferedReader
    else:
        cls = BufferedWriter
    raw = cls(name, path, mode)
    if binary:
        return raw
    text = TextIOWrapper(raw, encoding, errors, newline, line_buffering=buffering == 1)
    text.mode = mode
    return text
