"""secrets for the runtime: tokens and choices from os.urandom-backed randomness
(SystemRandom), with CPython's API."""

import base64
import binascii
import random
import os

__all__ = ['choice', 'randbelow', 'randbits', 'SystemRandom', 'token_bytes', 'token_hex',
           'token_urlsafe', 'compare_digest']

DEFAULT_ENTROPY = 32


class SystemRandom(random.Random):
    """Random numbers from os.urandom."""

    def random(self):
        return (int.from_bytes(os.urandom(7), 'big') >> 3) * 2 ** -53

    def getrandbits(self, k):
        if k < 0:
            raise ValueError('number of bits must be non-negative')
        numbytes = (k + 7) // 8
        x = int.from_bytes(os.urandom(numbytes), 'big')
        return x >> (numbytes * 8 - k)

    def seed(self, *args, **kwds):
        return None


_sysrand = SystemRandom()
randbits = _sysrand.getrandbits
choice = _sysrand.choice


def randbelow(exclusive_upper_bound):
    if exclusive_upper_bound <= 0:
        raise ValueError("Upper bound must be positive.")
    return _sysrand._randbelow(exclusive_upper_bound)


def token_bytes(nbytes=None):
    if nbytes is None:
        nbytes = DEFAULT_ENTROPY
    return os.urandom(nbytes)


def token_hex(nbytes=None):
    return binascii.hexlify(token_bytes(nbytes)).decode('ascii')


def token_urlsafe(nbytes=None):
    tok = token_bytes(nbytes)
    return base64.urlsafe_b64encode(tok).decode('ascii').rstrip('=')


def compare_digest(a, b):
    if isinstance(a, str) != isinstance(b, str):
        raise TypeError("unsupported operand types(s) or combination of types: '%s' and '%s'"
                        % (type(a).__name__, type(b).__name__))
    return a == b
