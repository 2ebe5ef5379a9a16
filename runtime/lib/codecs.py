"""codecs for the runtime: encode/decode through str/bytes' codecs plus the text transforms
CPython registers (rot_13, hex, base64), lookup, open and the BOM constants."""

import io

__all__ = ["register", "lookup", "open", "encode", "decode", "BOM", "BOM_BE", "BOM_LE", "BOM32_BE",
           "BOM32_LE", "BOM64_BE", "BOM64_LE", "BOM_UTF8", "BOM_UTF16", "BOM_UTF16_LE",
           "BOM_UTF16_BE", "BOM_UTF32", "BOM_UTF32_LE", "BOM_UTF32_BE", "CodecInfo",
           "getencoder", "getdecoder"]

BOM_UTF8 = b'\xef\xbb\xbf'
BOM_LE = BOM_UTF16_LE = b'\xff\xfe'
BOM_BE = BOM_UTF16_BE = b'\xfe\xff'
BOM_UTF32_LE = b'\xff\xfe\x00\x00'
BOM_UTF32_BE = b'\x00\x00\xfe\xff'
BOM = BOM_UTF16 = BOM_UTF16_LE
BOM_UTF32 = BOM_UTF32_LE
BOM32_LE = BOM_UTF16_LE
BOM32_BE = BOM_UTF16_BE
BOM64_LE = BOM_UTF32_LE
BOM64_BE = BOM_UTF32_BE

_ROT13 = {}
for _i in range(26):
    _ROT13[chr(ord('a') + _i)] = chr(ord('a') + (_i + 13) % 26)
    _ROT13[chr(ord('A') + _i)] = chr(ord('A') + (_i + 13) % 26)
del _i


def _rot13(text, errors='strict'):
    return ''.join(_ROT13.get(c, c) for c in text), len(text)


def _hex_encode(data, errors='strict'):
    import binascii
    return binascii.hexlify(data), len(data)


def _hex_decode(data, errors='strict'):
    import binascii
    return binascii.unhexlify(data), len(data)


def _b64_encode(data, errors='strict'):
    import base64
    return base64.encodebytes(data), len(data)


def _b64_decode(data, errors='strict'):
    import base64
    return base64.decodebytes(data), len(data)


_TRANSFORMS = {'rot_13': (_rot13, _rot13), 'rot13': (_rot13, _rot13),
               'hex': (_hex_encode, _hex_decode), 'hex_codec': (_hex_encode, _hex_decode),
               'base64': (_b64_encode, _b64_decode), 'base64_codec': (_b64_encode, _b64_decode)}
# CodecInfo.name as CPython's encodings package reports it.
_ALIASES = {'utf8': 'utf-8', 'utf_8': 'utf-8', 'u8': 'utf-8', 'utf-8': 'utf-8', 'latin1': 'iso8859-1',
            'latin_1': 'iso8859-1', 'latin-1': 'iso8859-1', 'iso-8859-1': 'iso8859-1',
            'iso8859-1': 'iso8859-1', 'ascii': 'ascii', 'us-ascii': 'ascii', 'utf-16': 'utf-16',
            'utf16': 'utf-16', 'utf-32': 'utf-32', 'utf32': 'utf-32'}
_registry = []


class CodecInfo(tuple):
    def __new__(cls, encode, decode, streamreader=None, streamwriter=None, incrementalencoder=None,
                incrementaldecoder=None, name=None, *, _is_text_encoding=None):
        self = tuple.__new__(cls, (encode, decode, streamreader, streamwriter))
        self.name = name
        self.encode = encode
        self.decode = decode
        return self

    def __repr__(self):
        return "<codecs.CodecInfo object for encoding %s at %#x>" % (self.name, id(self))


def _normalize(encoding):
    return encoding.lower().replace(' ', '_')


def register(search_function):
    _registry.append(search_function)


def lookup(encoding):
    norm = _normalize(encoding)
    for search in _registry:
        info = search(norm)
        if info is not None:
            return info
    if norm in _TRANSFORMS:
        enc, dec = _TRANSFORMS[norm]
        return CodecInfo(enc, dec, name=norm.replace('rot13', 'rot-13').replace('_', '-') if norm.startswith('rot') else norm)
    name = _ALIASES.get(norm.replace('_', '-'), _ALIASES.get(norm))
    if name is None:
        try:
            'x'.encode(encoding)
        except LookupError:
            raise LookupError('unknown encoding: %s' % encoding) from None
        name = norm.replace('_', '-')

    def enc(text, errors='strict'):
        return text.encode(encoding, errors), len(text)

    def dec(data, errors='strict'):
        return bytes(data).decode(encoding, errors), len(data)
    return CodecInfo(enc, dec, name=name)


def encode(obj, encoding='utf-8', errors='strict'):
    return lookup(encoding).encode(obj, errors)[0]


def decode(obj, encoding='utf-8', errors='strict'):
    return lookup(encoding).decode(obj, errors)[0]


def getencoder(encoding):
    return lookup(encoding).encode


def getdecoder(encoding):
    return lookup(encoding).decode


def open(filename, mode='r', encoding=None, errors='strict', buffering=-1):
    return io.open(filename, mode, buffering, encoding, errors if encoding else None)
