import codecs
print(codecs.encode('Hello, World!', 'rot13'), codecs.decode('Uryyb', 'rot_13'), codecs.encode('héllo', 'utf-8'), codecs.decode(b'h\xc3\xa9llo', 'utf-8'))
print(codecs.encode(b'\x01\xff', 'hex'), codecs.decode(b'01ff', 'hex'), codecs.encode(b'hi', 'base64'))
print(codecs.BOM_UTF8, codecs.lookup('UTF-8').name, codecs.lookup('latin_1').name, codecs.lookup('rot13').name)
try:
    codecs.lookup('nope-enc')
except LookupError as e:
    print(e)
enc = codecs.getencoder('utf-8')
print(enc('ab'))
