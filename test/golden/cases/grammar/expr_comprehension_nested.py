[[x * y for x in row] for y in matrix]
[x for row in [[i for i in r] for r in rows] for x in row]
{(a, b): [c for c in a] for a in (b for b in d)}
