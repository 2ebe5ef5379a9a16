import secrets
print(len(secrets.token_hex(16)), len(secrets.token_bytes(8)), len(secrets.token_urlsafe(16)) in (22, 21), type(secrets.token_hex()).__name__)
print(0 <= secrets.randbelow(10) < 10, secrets.choice('abc') in 'abc', secrets.randbits(8) < 256, secrets.compare_digest('a', 'a'))
r = secrets.SystemRandom()
print(0 <= r.random() < 1, r.randint(1, 6) in range(1, 7), len(r.sample(range(10), 3)))
try:
    secrets.randbelow(0)
except ValueError as e:
    print(e)
