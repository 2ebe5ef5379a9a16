import gc
before = gc.get_stats()
gc.collect()
after = gc.get_stats()
print([a['collections'] - b['collections'] for a, b in zip(after, before)])
gc.collect(0)
after2 = gc.get_stats()
print([a['collections'] - b['collections'] for a, b in zip(after2, after)])
l = []; l.append(l); del l
gc.collect(1)
after3 = gc.get_stats()
print([a['collected'] - b['collected'] for a, b in zip(after3, after2)])
print(sorted(after3[0]))
