# Exit with work left to the runtime's shutdown: a ThreadPoolExecutor never shut down (its idle
# workers are woken and joined by concurrent.futures' threading._register_atexit hook, not
# reported as a deadlock), a hook of our own (run last-registered first, before the non-daemon
# threads are joined), and a non-daemon thread still sleeping.
import threading
import time
from concurrent.futures import ThreadPoolExecutor

pool = ThreadPoolExecutor(2, thread_name_prefix='worker')
futures = [pool.submit(pow, 2, n) for n in range(6)]
print([f.result() for f in futures])
print(sorted(t.name for t in threading.enumerate()))


def late():
    time.sleep(0.05)
    print('late thread done')


threading.Thread(target=late).start()
threading._register_atexit(print, 'first registered hook')
threading._register_atexit(print, 'second registered hook')
print('main done')
