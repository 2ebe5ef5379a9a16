"""base64 for the runtime: Base16, Base32 and Base64 encodings (RFC 4648) with CPython's
messages (binascii.Error for bad input)."""

import binascii

__all__ = ['encode', 'decode', 'encodebytes', 'decodebytes', 'b64encode', 'b64decode',
           'b32encode', 'b32decode', 'b16encode', 'b16decode', 'standard_b64encode',
           'standard_b64decode', 'urlsafe_b64encode', 'urlsafe_b64decode']

_B64 = b'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
_B32 = b'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'


def _bytes_from_decode_data(s):
    if isinstance(s, str):
        try:
            return s.encode('ascii')
        except UnicodeEncodeError:
            raise ValueError('string argument should contain only ASCII characters')
    if isinstance(s, (bytes, bytearray)):
        return bytes(s)
    raise TypeError("argument should be a bytes-like object or ASCII string, not %r" % s.__class__.__name__)


def _check_bytes(s):
    if not isinstance(s, (bytes, bytearray)):
        raise TypeError("a bytes-like object is required, not '%s'" % type(s).__name__)
    return bytes(s)


def _translate(data, table_from, table_to):
    mapping = {a: b for a, b in zip(table_from, table_to)}
    return bytes([mapping.get(c, c) for c in data])


def b64encode(s, altchars=None):
    s = _check_bytes(s)
    out = []
    for i in range(0, len(s) - len(s) % 3, 3):
        n = (s[i] << 16) | (s[i + 1] << 8) | s[i + 2]
        out += [_B64[n >> 18], _B64[(n >> 12) & 63], _B64[(n >> 6) & 63], _B64[n & 63]]
    rest = len(s) % 3
    if rest == 1:
        n = s[-1] << 16
        out += [_B64[n >> 18], _B64[(n >> 12) & 63], 61, 61]
    elif rest == 2:
        n = (s[-2] << 16) | (s[-1] << 8)
        out += [_B64[n >> 18], _B64[(n >> 12) & 63], _B64[(n >> 6) & 63], 61]
    encoded = bytes(out)
    if altchars is not None:
        encoded = _translate(encoded, b'+/', _check_bytes(altchars))
    return encoded


def b64decode(s, altchars=None, validate=False):
    s = _bytes_from_decode_data(s)
    if altchars is not None:
        s = _translate(s, _bytes_from_decode_data(altchars), b'+/')
    values = []
    pad = 0
    for c in s:
        if c == 61:
            pad += 1
            quad_pos = len(values) % 4
            # A pad completing a group ends the data (binascii.a2b_base64).
            if quad_pos >= 2 and quad_pos + pad >= 4:
                break
            continue
        index = _index(c)
        if index < 0:
            if validate:
                raise binascii.Error('Only base64 data is allowed')
            continue
        if pad:
            if validate:
                raise binascii.Error('Discontinuous padding not allowed')
            pad = 0
        values.append(index)
    if len(values) % 4 == 1:
        raise binascii.Error('Invalid base64-encoded string: number of data characters (%d) cannot be 1 more than a multiple of 4' % len(values))
    if len(values) % 4 and len(values) % 4 + pad < 4:
        raise binascii.Error('Incorrect padding')
    out = []
    for i in range(0, len(values), 4):
        chunk = values[i:i + 4]
        n = 0
        for v in chunk:
            n = (n << 6) | v
        n <<= 6 * (4 - len(chunk))
        data = [(n >> 16) & 255, (n >> 8) & 255, n & 255]
        out += data[:len(chunk) - 1]
    return bytes(out)


def _index(c):
    for i, x in enumerate(_B64):
        if x == c:
            return i
    return -1


def standard_b64encode(s):
    return b64encode(s)


def standard_b64decode(s):
    return b64decode(s)


def urlsafe_b64encode(s):
    return b64encode(s, b'-_')


def urlsafe_b64decode(s):
    return b64decode(s, b'-_')


def b32encode(s):
    s = _check_bytes(s)
    bits = 0
    nbits = 0
    out = []
    for c in s:
        bits = (bits << 8) | c
        nbits += 8
        while nbits >= 5:
            nbits -= 5
            out.append(_B32[(bits >> nbits) & 31])
    if nbits:
        out.append(_B32[(bits << (5 - nbits)) & 31])
    while len(out) % 8:
        out.append(61)
    return bytes(out)


def b32decode(s, casefold=False, map01=None):
    s = _bytes_from_decode_data(s)
    if len(s) % 8:
        raise binascii.Error('Incorrect padding')
    if casefold:
        s = s.upper()
    text = s.rstrip(b'=') if hasattr(s, 'rstrip') else bytes([c for c in s if c != 61])
    bits = 0
    nbits = 0
    out = []
    for c in text:
        index = -1
        for i, x in enumerate(_B32):
            if x == c:
                index = i
                break
        if index < 0:
            raise binascii.Error('Non-base32 digit found')
        bits = (bits << 5) | index
        nbits += 5
        if nbits >= 8:
            nbits -= 8
            out.append((bits >> nbits) & 255)
    return bytes(out)


def b16encode(s):
    return ''.join('%02X' % c for c in _check_bytes(s)).encode('ascii')


def b16decode(s, casefold=False):
    s = _bytes_from_decode_data(s)
    text = s.decode('ascii')
    if casefold:
        text = text.upper()
    if len(text) % 2:
        raise binascii.Error('Odd-length string')
    for ch in text:
        if ch not in '0123456789ABCDEF':
            raise binascii.Error('Non-base16 digit found')
    return bytes([int(text[i:i + 2], 16) for i in range(0, len(text), 2)])


def encodebytes(s):
    s = _check_bytes(s)
    pieces = []
    for i in range(0, len(s), 57):
        pieces.append(b64encode(s[i:i + 57]) + b'\n')
    result = b''
    for p in pieces:
        result += p
    return result


def decodebytes(s):
    return b64decode(s)


encode = None
decode = None
