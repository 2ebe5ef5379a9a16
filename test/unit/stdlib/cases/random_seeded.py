import random

random.seed(42)
print(random.random(), random.random())
print(random.randint(1, 100), random.randrange(10), random.randrange(0, 100, 5))
print(random.choice(['rock', 'paper', 'scissors']), random.choice('abcdef'))
cards = list(range(10))
random.shuffle(cards)
print(cards)
print(random.sample(range(100), 5), random.sample('abcdefgh', 3))
print(random.uniform(1.5, 2.5), random.gauss(0, 1), random.gauss(10, 2))
print(random.choices(['a', 'b', 'c'], weights=[5, 1, 1], k=6), random.choices('xy', k=3))
print(random.triangular(0, 10), random.expovariate(1.5), random.normalvariate(0, 1))
print(random.getrandbits(8), random.getrandbits(100))
r = random.Random(123)
print(r.random(), r.randint(1, 6))
random.seed('seed string')
print(random.random())
random.seed(2 ** 70)
print(random.random())
r1, r2 = random.Random(7), random.Random(7)
print([r1.randint(0, 9) for _ in range(5)] == [r2.randint(0, 9) for _ in range(5)])
for bad in [lambda: random.choice([]), lambda: random.randint(5, 1), lambda: random.sample([1, 2], 3), lambda: random.randrange(0)]:
    try:
        bad()
    except (IndexError, ValueError) as e:
        print(type(e).__name__, e)
