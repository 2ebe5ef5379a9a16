x = "outer"
squares = [x * x for x in range(5)]
print(x)
