import base64, binascii
for data in [b'', b'f', b'fo', b'foo', b'foob', b'fooba', b'foobar', 'héllo wörld'.encode('utf-8'), bytes(range(256))[:40]]:
    e = base64.b64encode(data)
    print(e, base64.b64decode(e) == data, base64.b32encode(data), base64.b16encode(data))
    assert base64.b32decode(base64.b32encode(data)) == data
    assert base64.b16decode(base64.b16encode(data)) == data
print(base64.urlsafe_b64encode(b'\xfb\xff\xfe'), base64.urlsafe_b64decode('-__-'), base64.b64decode('aGVsbG8='))
print(base64.b64encode(b'\xfb\xff', altchars=b'*#'))
for bad in ['aGVsbG8', 'a', 'aGVsbG8==x']:
    try:
        print(base64.b64decode(bad))
    except binascii.Error as e:
        print('Error', e)
try:
    base64.b64encode('text')
except TypeError as e:
    print(e)
print(binascii.hexlify(b'\x01\xab'), binascii.unhexlify('01ab'), base64.encodebytes(b'x' * 60))
