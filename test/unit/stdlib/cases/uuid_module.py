import uuid
u = uuid.UUID('{12345678-1234-5678-1234-567812345678}')
print(u, repr(u), u.hex, u.int, u.version, u.variant, u.fields, u.urn, u.bytes, u.bytes_le)
print(uuid.uuid3(uuid.NAMESPACE_DNS, 'python.org'), uuid.uuid5(uuid.NAMESPACE_DNS, 'python.org'))
v4 = uuid.uuid4()
print(v4.version, v4.variant, len(str(v4)), uuid.uuid1().version)
print(uuid.UUID(int=1), uuid.UUID(bytes=b'\x00' * 15 + b'\x02') == uuid.UUID(int=2), uuid.UUID(fields=u.fields) == u, uuid.UUID(bytes_le=u.bytes_le) == u)
for bad in [lambda: uuid.UUID('xyz'), lambda: uuid.UUID(), lambda: setattr(u, 'int', 1)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
