[x if x else y for x in z]
[lambda: x for x in y]
[x for x in (y if z else w)]
[x for x in y if (lambda: x)()]
