# What processes share: queues, pipes, shared values, manager proxies; what they copy.
import multiprocessing as mp


def producer(q, items):
    for item in items:
        q.put(item)
    q.put(None)


def talker(conn):
    conn.send({'hello': [1, 2]})
    print('child got', conn.recv())
    conn.close()


def bump(v, a, n):
    for _ in range(n):
        with v.get_lock():
            v.value += 1
    for i in range(len(a)):
        a[i] = a[i] * 2


def fill(d, l, ns):
    d['from child'] = True
    l.append('x')
    ns.count += 1


if __name__ == '__main__':
    q = mp.Queue()
    data = [1, [2, 3], {'k': 'v'}]
    p = mp.Process(target=producer, args=(q, data))
    p.start()
    got = []
    while (item := q.get()) is not None:
        got.append(item)
    p.join()
    print(got, got == data, got[1] is data[1])
    print(q.empty(), q.qsize())

    parent, child = mp.Pipe()
    p = mp.Process(target=talker, args=(child,))
    p.start()
    msg = parent.recv()
    print('parent got', msg)
    parent.send('thanks')
    p.join()
    print(parent.poll())

    v = mp.Value('i', 0)
    a = mp.Array('d', [1.0, 2.5])
    print(v, v.value, a[:], len(a))
    ps = [mp.Process(target=bump, args=(v, a, 50)) for _ in range(2)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    print(v.value, a[:])
    raw = mp.RawValue('d', 1.5)
    print(raw, mp.Value('l', 5, lock=False))

    with mp.Manager() as m:
        d = m.dict({'a': 1})
        l = m.list([0])
        ns = m.Namespace(count=0)
        p = mp.Process(target=fill, args=(d, l, ns))
        p.start()
        p.join()
        print(d, l, ns.count, len(d), 'a' in d, d.get('from child'))
        print(type(d).__name__, sorted(d.keys()), dict(d.items()) == {'a': 1, 'from child': True})
        inner = m.dict()
        inner['list'] = [1]
        inner['list'].append(2)
        print(inner['list'])
        lock = m.Lock()
        with lock:
            print('manager lock held')
        val = m.Value('i', 3)
        val.value += 1
        print(val.value)

    jq = mp.JoinableQueue()
    for i in range(3):
        jq.put(i)
    for i in range(3):
        jq.get()
        jq.task_done()
    jq.join()
    print('joined')
    try:
        jq.task_done()
    except ValueError as e:
        print(e)
