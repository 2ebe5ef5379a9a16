while x < 10:
    x += 1
else:
    done = True
while 1: break
