import hashlib
for data in [b'', b'abc', b'The quick brown fox jumps over the lazy dog', b'a' * 1000, 'héllo'.encode()]:
    print([getattr(hashlib, n)(data).hexdigest() for n in ('md5', 'sha1', 'sha224', 'sha256')])
h = hashlib.sha256()
h.update(b'hello ')
c = h.copy()
h.update(b'world')
print(h.hexdigest() == hashlib.sha256(b'hello world').hexdigest(), c.hexdigest() == hashlib.sha256(b'hello ').hexdigest())
print(h.name, h.digest_size, h.block_size, len(h.digest()), hashlib.new('MD5', b'x').hexdigest())
try:
    hashlib.sha256('text')
except TypeError as e:
    print(e)
print(hashlib.pbkdf2_hmac('sha256', b'pw', b'salt', 3).hex())
print(sorted(hashlib.algorithms_guaranteed & {'md5', 'sha1', 'sha256'}))
