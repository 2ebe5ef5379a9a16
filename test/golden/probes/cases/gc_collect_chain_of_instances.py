import gc
gc.collect()
class N:
    def __init__(self, nxt):
        self.nxt = nxt
first = N(None)
node = first
for i in range(5):
    node = N(node)
first.nxt = node
del first, node
print(gc.collect())
