values = [last := v for v in range(3)]
print(last)
