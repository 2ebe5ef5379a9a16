"""binascii for the runtime: the exceptions and hex helpers base64 and learners use."""


class Error(ValueError):
    pass


class Incomplete(Exception):
    pass


def hexlify(data, sep=None, bytes_per_sep=1):
    text = ''.join('%02x' % c for c in bytes(data))
    return text.encode('ascii')


b2a_hex = hexlify


def unhexlify(hexstr):
    if isinstance(hexstr, str):
        hexstr = hexstr.encode('ascii')
    text = bytes(hexstr).decode('ascii')
    if len(text) % 2:
        raise Error('Odd-length string')
    try:
        return bytes([int(text[i:i + 2], 16) for i in range(0, len(text), 2)])
    except ValueError:
        raise Error('Non-hexadecimal digit found') from None


a2b_hex = unhexlify
