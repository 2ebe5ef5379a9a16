def f(m):
    for row in m:
        for x in row:
            if x:
                break
        else:
            continue
        break
    return row
