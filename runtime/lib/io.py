"""io for the runtime: StringIO (the in-memory text stream learners pair with
contextlib.redirect_stdout) and the names of the stream classes."""

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2


# CPython derives it from OSError and ValueError; this VM rejects that pair of layouts yet.
class UnsupportedOperation(OSError):
    pass


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

    def __enter__(self):
        self._check_open()
        return self

    def __exit__(self, *args):
        self.close()


class TextIOWrapper:
    pass


class BytesIO:
    def __init__(self, initial_bytes=b''):
        self._buffer = bytearray(initial_bytes)
        self._pos = 0

    def write(self, b):
        data = bytes(b)
        self._buffer[self._pos:self._pos + len(data)] = data
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
