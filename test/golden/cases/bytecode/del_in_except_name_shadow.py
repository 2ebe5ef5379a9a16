e = 1
try:
    pass
except Exception as e:
    pass
print(e)
