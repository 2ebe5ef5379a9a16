import time

start = time.perf_counter()
t = time.time()
print(type(t).__name__, t > 1.6e9)
time.sleep(0.01)
elapsed = time.perf_counter() - start
print(elapsed >= 0.0, type(elapsed).__name__)
print(time.monotonic() <= time.monotonic())
print(type(time.time_ns()).__name__, type(time.perf_counter_ns()).__name__)
print(time.strftime('%Y-%m-%d %H:%M:%S', (2024, 3, 5, 14, 7, 9, 1, 65, 0)))
print(time.strftime('%a %b %d %j %I %p %%', (2024, 3, 5, 14, 7, 9, 1, 65, 0)))
print(len(time.localtime()), time.gmtime(0)[:6])
print(time)
try:
    time.sleep(-1)
except ValueError as e:
    print('ValueError:', e)
