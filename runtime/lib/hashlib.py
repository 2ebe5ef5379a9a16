"""hashlib for the runtime: md5, sha1, sha224 and sha256 written out from their specs
(RFC 1321, FIPS 180-4), with hashlib's object API (update, digest, hexdigest, copy, name,
digest_size, block_size) and new()/algorithms_available."""

__all__ = ('md5', 'sha1', 'sha224', 'sha256', 'new', 'algorithms_guaranteed',
           'algorithms_available', 'pbkdf2_hmac')

algorithms_guaranteed = {'md5', 'sha1', 'sha224', 'sha256'}
algorithms_available = set(algorithms_guaranteed)

_MASK = 0xffffffff


def _rotl(x, n):
    return ((x << n) | (x >> (32 - n))) & _MASK


def _rotr(x, n):
    return ((x >> n) | (x << (32 - n))) & _MASK


def _as_bytes(data):
    if isinstance(data, str):
        raise TypeError('Strings must be encoded before hashing')
    if not isinstance(data, (bytes, bytearray)):
        raise TypeError("object supporting the buffer API required")
    return bytes(data)


class _Hash:
    name = None
    digest_size = 0
    block_size = 64

    def __init__(self, data=b'', *, usedforsecurity=True):
        self._buffer = b''
        self._length = 0
        self._state = list(self._initial)
        if data:
            self.update(data)

    def update(self, data):
        data = _as_bytes(data)
        self._length += len(data)
        buf = self._buffer + data
        n = len(buf) - len(buf) % 64
        for i in range(0, n, 64):
            self._compress(buf[i:i + 64])
        self._buffer = buf[n:]

    def copy(self):
        other = object.__new__(type(self))
        other._buffer = self._buffer
        other._length = self._length
        other._state = list(self._state)
        return other

    def _padding(self, little):
        bit_length = (self._length * 8) & 0xffffffffffffffff
        pad = b'\x80' + bytes((55 - self._length) % 64)
        return pad + bit_length.to_bytes(8, 'little' if little else 'big')

    def hexdigest(self):
        return ''.join('%02x' % b for b in self.digest())

    def __repr__(self):
        return '<%s _hashlib.HASH object @ 0x%x>' % (self.name, id(self))


_MD5_S = [7, 12, 17, 22] * 4 + [5, 9, 14, 20] * 4 + [4, 11, 16, 23] * 4 + [6, 10, 15, 21] * 4
_MD5_K = [0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
          0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
          0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
          0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
          0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
          0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
          0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
          0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391]


class _MD5(_Hash):
    name = 'md5'
    digest_size = 16
    _initial = (0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476)

    def _compress(self, block):
        m = [int.from_bytes(block[i:i + 4], 'little') for i in range(0, 64, 4)]
        a, b, c, d = self._state
        for i in range(64):
            if i < 16:
                f = (b & c) | (~b & d)
                g = i
            elif i < 32:
                f = (d & b) | (~d & c)
                g = (5 * i + 1) % 16
            elif i < 48:
                f = b ^ c ^ d
                g = (3 * i + 5) % 16
            else:
                f = c ^ (b | (~d & _MASK))
                g = (7 * i) % 16
            f = (f + a + _MD5_K[i] + m[g]) & _MASK
            a, d, c = d, c, b
            b = (b + _rotl(f, _MD5_S[i])) & _MASK
        s = self._state
        self._state = [(s[0] + a) & _MASK, (s[1] + b) & _MASK, (s[2] + c) & _MASK, (s[3] + d) & _MASK]

    def digest(self):
        h = self.copy()
        h.update(self._padding(True))
        return _concat([x.to_bytes(4, 'little') for x in h._state])


class _SHA1(_Hash):
    name = 'sha1'
    digest_size = 20
    _initial = (0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0)

    def _compress(self, block):
        w = [int.from_bytes(block[i:i + 4], 'big') for i in range(0, 64, 4)]
        for i in range(16, 80):
            w.append(_rotl(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1))
        a, b, c, d, e = self._state
        for i in range(80):
            if i < 20:
                f = (b & c) | ((~b & _MASK) & d)
                k = 0x5A827999
            elif i < 40:
                f = b ^ c ^ d
                k = 0x6ED9EBA1
            elif i < 60:
                f = (b & c) | (b & d) | (c & d)
                k = 0x8F1BBCDC
            else:
                f = b ^ c ^ d
                k = 0xCA62C1D6
            temp = (_rotl(a, 5) + f + e + k + w[i]) & _MASK
            e, d, c, b, a = d, c, _rotl(b, 30), a, temp
        self._state = [(x + y) & _MASK for x, y in zip(self._state, (a, b, c, d, e))]

    def digest(self):
        h = self.copy()
        h.update(self._padding(False))
        return _concat([x.to_bytes(4, 'big') for x in h._state])


_SHA256_K = [
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2]


class _SHA256(_Hash):
    name = 'sha256'
    digest_size = 32
    _initial = (0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19)

    def _compress(self, block):
        w = [int.from_bytes(block[i:i + 4], 'big') for i in range(0, 64, 4)]
        for i in range(16, 64):
            s0 = _rotr(w[i - 15], 7) ^ _rotr(w[i - 15], 18) ^ (w[i - 15] >> 3)
            s1 = _rotr(w[i - 2], 17) ^ _rotr(w[i - 2], 19) ^ (w[i - 2] >> 10)
            w.append((w[i - 16] + s0 + w[i - 7] + s1) & _MASK)
        a, b, c, d, e, f, g, h = self._state
        for i in range(64):
            s1 = _rotr(e, 6) ^ _rotr(e, 11) ^ _rotr(e, 25)
            ch = (e & f) ^ ((~e & _MASK) & g)
            temp1 = (h + s1 + ch + _SHA256_K[i] + w[i]) & _MASK
            s0 = _rotr(a, 2) ^ _rotr(a, 13) ^ _rotr(a, 22)
            maj = (a & b) ^ (a & c) ^ (b & c)
            temp2 = (s0 + maj) & _MASK
            h, g, f, e, d, c, b, a = g, f, e, (d + temp1) & _MASK, c, b, a, (temp1 + temp2) & _MASK
        self._state = [(x + y) & _MASK for x, y in zip(self._state, (a, b, c, d, e, f, g, h))]

    def digest(self):
        h = self.copy()
        h.update(self._padding(False))
        return _concat([x.to_bytes(4, 'big') for x in h._state])[:self.digest_size]


class _SHA224(_SHA256):
    name = 'sha224'
    digest_size = 28
    _initial = (0xc1059ed8, 0x367cd507, 0x3070dd17, 0xf70e5939, 0xffc00b31, 0x68581511, 0x64f98fa7, 0xbefa4fa4)


def _concat(pieces):
    out = b''
    for p in pieces:
        out += p
    return out


_CONSTRUCTORS = {'md5': _MD5, 'sha1': _SHA1, 'sha224': _SHA224, 'sha256': _SHA256}


def md5(data=b'', *, usedforsecurity=True):
    return _MD5(data)


def sha1(data=b'', *, usedforsecurity=True):
    return _SHA1(data)


def sha224(data=b'', *, usedforsecurity=True):
    return _SHA224(data)


def sha256(data=b'', *, usedforsecurity=True):
    return _SHA256(data)


def new(name, data=b'', **kwargs):
    cls = _CONSTRUCTORS.get(name.lower())
    if cls is None:
        raise ValueError('unsupported hash type ' + name)
    return cls(data)


def pbkdf2_hmac(hash_name, password, salt, iterations, dklen=None):
    cls = _CONSTRUCTORS[hash_name.lower()]
    block = cls.block_size

    def prf(key, msg):
        if len(key) > block:
            key = cls(key).digest()
        key = key + bytes(block - len(key))
        inner = cls(bytes([k ^ 0x36 for k in key]) + msg).digest()
        return cls(bytes([k ^ 0x5c for k in key]) + inner).digest()

    dklen = dklen or cls.digest_size
    out = b''
    index = 1
    while len(out) < dklen:
        u = prf(password, salt + index.to_bytes(4, 'big'))
        acc = int.from_bytes(u, 'big')
        for _ in range(iterations - 1):
            u = prf(password, u)
            acc ^= int.from_bytes(u, 'big')
        out += acc.to_bytes(cls.digest_size, 'big')
        index += 1
    return out[:dklen]
