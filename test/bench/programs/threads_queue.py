# Threads: producers and consumers on a queue.Queue (blocking put/get, Condition waits, GIL
# hand-overs) plus two CPU-bound threads sharing a Lock-protected counter.
import queue
import threading

q = queue.Queue(maxsize=64)
total = 0
lock = threading.Lock()


def producer(n):
    for i in range(n):
        q.put(i)
    q.put(None)


def consumer():
    global total
    while True:
        item = q.get()
        if item is None:
            break
        with lock:
            total += item


def crunch(n):
    global total
    acc = 0
    for i in range(n):
        acc += i * i % 7
    with lock:
        total += acc


threads = [threading.Thread(target=producer, args=(5000,)) for _ in range(2)]
threads += [threading.Thread(target=consumer) for _ in range(2)]
threads += [threading.Thread(target=crunch, args=(100000,)) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(total)
