{x for x in y}
{k: v for k, v in d.items() if v}
(x for x in y)
{k: [v for v in vs] for k, vs in d}
