try:
    x = int("1")
except (ValueError, TypeError):
    x = 0
else:
    print(x)
