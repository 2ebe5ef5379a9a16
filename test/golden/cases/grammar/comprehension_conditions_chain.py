[x for x in y if a if b]
[x for x in y if (a if b else c)]
[x for x in y if a or b and not c]
