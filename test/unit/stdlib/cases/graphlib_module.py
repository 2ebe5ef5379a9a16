from graphlib import TopologicalSorter, CycleError
graph = {"D": {"B", "C"}, "C": {"A"}, "B": {"A"}}
ts = TopologicalSorter(graph)
print(tuple(ts.static_order()))
ts2 = TopologicalSorter()
ts2.add(3, 2, 1)
ts2.add(1, 0)
print([*ts2.static_order()])
try:
    TopologicalSorter({'a': ['b'], 'b': ['a']}).prepare()
except CycleError as e:
    print('CycleError', e.args)
t3 = TopologicalSorter({'x': ['y']})
t3.prepare()
print(t3.get_ready(), bool(t3))
