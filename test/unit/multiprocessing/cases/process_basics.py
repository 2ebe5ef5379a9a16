# Process objects: names, states, exit codes, isolation of the child's globals (fork).
import multiprocessing as mp
import os
import re
import sys
import time

counter = [0]


def work(tag):
    counter[0] += 1
    print('child', tag, mp.current_process().name, counter, os.getpid() != os.getppid())


def fail():
    raise ValueError('child failed')


def leave(code):
    sys.exit(code)


def forever():
    while True:
        time.sleep(0.01)


def masked(p):
    return re.sub(r'(pid|parent)=\d+', r'\1=N', repr(p))


if __name__ == '__main__':
    print(mp.current_process().name, mp.current_process().daemon)
    p = mp.Process(target=work, args=('a',))
    print(masked(p), p.exitcode, p.is_alive())
    p.start()
    p.join()
    print(masked(p), p.exitcode, p.is_alive(), counter)
    try:
        p.start()
    except AssertionError as e:
        print('AssertionError:', e)

    q = mp.Process(target=work, args=('b',), name='worker-b', daemon=True)
    print(q.name, q.daemon)
    q.start()
    q.join()

    p = mp.Process(target=fail)
    p.start()
    p.join()
    print('exitcode after an exception:', p.exitcode)
    for code in (0, 3, None):
        p = mp.Process(target=leave, args=(code,))
        p.start()
        p.join()
        print('sys.exit(%r) ->' % (code,), p.exitcode)

    p = mp.Process(target=forever)
    p.start()
    time.sleep(0.1)
    print('alive before terminate:', p.is_alive())
    p.terminate()
    p.join()
    print(masked(p), p.exitcode)

    class Worker(mp.Process):
        def __init__(self, n):
            super().__init__()
            self.n = n

        def run(self):
            print('subclass run', self.n, self.name)

    w = Worker(7)
    w.start()
    w.join()
    print(len(mp.active_children()), mp.cpu_count() >= 1)
