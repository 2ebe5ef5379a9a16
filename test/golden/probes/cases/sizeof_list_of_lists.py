import sys
grid = [[0] * 3 for _ in range(3)]
print(sys.getsizeof(grid), [sys.getsizeof(r) for r in grid])
