while True:
    pass
    if x:
        break
    else:
        continue
for i in range(3):
    if i:
        continue
    break
