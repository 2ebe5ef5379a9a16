import sys
print(int("100") is int("100"), int("1000") is int("1000"))
