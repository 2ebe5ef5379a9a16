if a: pass
elif b: pass
else: pass
while c: break
for d in e: continue
with f: pass
try: pass
except: pass
finally: pass
class G: pass
def h(): pass
