gen = (await x for x in y)
