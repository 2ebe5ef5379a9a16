"""struct for the runtime: bytes <-> values by format string (Modules/_struct.c), with native
('@', x86-64 sizes and alignment) and standard ('=', '<', '>', '!') modes and _struct's errors.
Floats go through _struct_floats (IEEE 754 binary16/32/64)."""

import _struct_floats

__all__ = ['calcsize', 'pack', 'pack_into', 'unpack', 'unpack_from', 'iter_unpack', 'Struct', 'error']


class error(Exception):
    pass


error.__module__ = 'struct'

# code: (native size, standard size, signed, kind)
_CODES = {
    'x': (1, 1, False, 'pad'), 'c': (1, 1, False, 'char'), 'b': (1, 1, True, 'int'),
    'B': (1, 1, False, 'int'), '?': (1, 1, False, 'bool'), 'h': (2, 2, True, 'int'),
    'H': (2, 2, False, 'int'), 'i': (4, 4, True, 'int'), 'I': (4, 4, False, 'int'),
    'l': (8, 4, True, 'int'), 'L': (8, 4, False, 'int'), 'q': (8, 8, True, 'int'),
    'Q': (8, 8, False, 'int'), 'n': (8, None, True, 'int'), 'N': (8, None, False, 'int'),
    'e': (2, 2, False, 'float'), 'f': (4, 4, False, 'float'), 'd': (8, 8, False, 'float'),
    's': (1, 1, False, 'bytes'), 'p': (1, 1, False, 'pascal'), 'P': (8, None, False, 'int'),
}
_RANGE_TEXT = {'b': 'byte format requires -128 <= number <= 127',
               'B': 'ubyte format requires 0 <= number <= 255',
               'h': 'short format requires -32768 <= number <= 32767',
               'H': 'ushort format requires 0 <= number <= 65535'}


def _parse(fmt):
    if isinstance(fmt, bytes):
        fmt = fmt.decode('ascii')
    if not isinstance(fmt, str):
        raise TypeError("Struct() argument 1 must be a str or bytes object, not %s" % type(fmt).__name__)
    order = '@'
    body = fmt
    if fmt and fmt[0] in '@=<>!':
        order = fmt[0]
        body = fmt[1:]
    native = order == '@'
    little = order in '<=' or (order == '@')
    items = []  # (code, count, offset, size)
    offset = 0
    i = 0
    while i < len(body):
        c = body[i]
        if c.isspace():
            i += 1
            continue
        count = None
        if c.isdigit():
            j = i
            while j < len(body) and body[j].isdigit():
                j += 1
            count = int(body[i:j])
            i = j
            if i >= len(body):
                raise error('repeat count given without format specifier')
            c = body[i]
        if c not in _CODES or (not native and _CODES[c][1] is None):
            raise error('bad char in struct format')
        nsize, ssize, signed, kind = _CODES[c]
        size = nsize if native else ssize
        if native and kind not in ('char', 'bytes', 'pascal', 'pad', 'bool') and size > 1:
            offset = (offset + size - 1) // size * size
        n = 1 if count is None else count
        if kind in ('bytes', 'pascal'):
            items.append((c, n, offset, n))
            offset += n
        elif kind == 'pad':
            offset += n
        else:
            for _ in range(n):
                items.append((c, 1, offset, size))
                offset += size
        i += 1
    return order, little, items, offset


def _pack_int(code, value, size, little, signed):
    if not isinstance(value, int):
        if hasattr(value, '__index__'):
            value = value.__index__()
        else:
            raise error('required argument is not an integer')
    lo = -(1 << (8 * size - 1)) if signed else 0
    hi = (1 << (8 * size - 1)) - 1 if signed else (1 << (8 * size)) - 1
    if not lo <= value <= hi:
        if code in _RANGE_TEXT:
            raise error(_RANGE_TEXT[code])
        if code == 'i':
            raise error("'%s' format requires %d <= number <= %d" % (code, lo, hi))
        raise error('argument out of range')
    return value.to_bytes(size, 'little' if little else 'big', signed=signed)


class Struct:
    """Compiled struct object."""

    __module__ = '_struct'

    def __init__(self, format):
        self.format = format if isinstance(format, str) else format.decode('ascii')
        self._order, self._little, self._items, self.size = _parse(format)

    def pack(self, *values):
        if len(values) != len(self._items):
            raise error('pack expected %d items for packing (got %d)' % (len(self._items), len(values)))
        out = [0] * self.size
        for (code, count, offset, size), value in zip(self._items, values):
            nsize, ssize, signed, kind = _CODES[code]
            if kind == 'int':
                data = _pack_int(code, value, size, self._little, signed)
            elif kind == 'bool':
                data = b'\x01' if value else b'\x00'
            elif kind == 'char':
                if not isinstance(value, (bytes, bytearray)) or len(value) != 1:
                    raise error('char format requires a bytes object of length 1')
                data = bytes(value)
            elif kind == 'float':
                if not isinstance(value, (int, float)):
                    raise error('required argument is not a float')
                data = _struct_floats.pack(float(value), size, self._little, self._order != '@' or size == 2)
            elif kind == 'bytes':
                if not isinstance(value, (bytes, bytearray)):
                    raise error("argument for 's' must be a bytes object")
                data = bytes(value)[:count]
                data = data + bytes(count - len(data))
            else:  # pascal
                if not isinstance(value, (bytes, bytearray)):
                    raise error("argument for 'p' must be a bytes object")
                body = bytes(value)[:max(0, count - 1)]
                data = (bytes([min(len(body), 255)]) + body + bytes(count))[:count] if count else b''
            for k, byte in enumerate(data):
                out[offset + k] = byte
        return bytes(out)

    def unpack(self, buffer):
        data = bytes(buffer)
        if len(data) != self.size:
            raise error('unpack requires a buffer of %d bytes' % self.size)
        return self._unpack(data, 0)

    def _unpack(self, data, base):
        result = []
        for code, count, offset, size in self._items:
            nsize, ssize, signed, kind = _CODES[code]
            chunk = data[base + offset:base + offset + size]
            if kind == 'int':
                result.append(int.from_bytes(chunk, 'little' if self._little else 'big', signed=signed))
            elif kind == 'bool':
                result.append(chunk != bytes(size))
            elif kind == 'char':
                result.append(chunk)
            elif kind == 'float':
                result.append(_struct_floats.unpack(chunk, self._little))
            elif kind == 'bytes':
                result.append(chunk)
            else:
                n = chunk[0] if chunk else 0
                result.append(chunk[1:1 + min(n, size - 1)])
        return tuple(result)

    def unpack_from(self, buffer, offset=0):
        data = bytes(buffer)
        if offset < 0:
            offset += len(data)
        if len(data) - offset < self.size:
            raise error('unpack_from requires a buffer of at least %d bytes for unpacking %d bytes '
                        'at offset %d (actual buffer size is %d)' % (self.size + offset, self.size, offset, len(data)))
        return self._unpack(data, offset)

    def iter_unpack(self, buffer):
        data = bytes(buffer)
        if self.size == 0:
            raise error('cannot iteratively unpack with a struct of length 0')
        if len(data) % self.size:
            raise error('iterative unpacking requires a buffer of a multiple of %d bytes' % self.size)
        return iter([self._unpack(data, k) for k in range(0, len(data), self.size)])

    def pack_into(self, buffer, offset, *values):
        data = self.pack(*values)
        buffer[offset:offset + len(data)] = data


_cache = {}


def _struct(fmt):
    s = _cache.get(fmt)
    if s is None:
        s = _cache[fmt] = Struct(fmt)
    return s


def calcsize(format):
    return _struct(format).size


def pack(format, *values):
    return _struct(format).pack(*values)


def pack_into(format, buffer, offset, *values):
    _struct(format).pack_into(buffer, offset, *values)


def unpack(format, buffer):
    return _struct(format).unpack(buffer)


def unpack_from(format, buffer, offset=0):
    return _struct(format).unpack_from(buffer, offset)


def iter_unpack(format, buffer):
    return _struct(format).iter_unpack(buffer)
