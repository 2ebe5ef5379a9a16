import gc
gc.collect()
saved = []
class R:
    def __del__(self):
        print("del called")
        saved.append(self)
r = R()
r.me = r
del r
print(gc.collect())
print(len(saved))
saved.clear()
print(gc.collect())
