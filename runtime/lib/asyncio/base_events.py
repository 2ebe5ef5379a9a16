"""The event loop (CPython 3.11 Lib/asyncio/base_events.py, without sockets, subprocesses and
the selector): a FIFO of ready callbacks and a heap of timers on the loop's clock.

Time is the runtime's virtual clock (time.monotonic): when nothing is ready, the loop waits
until the next timer is due on its wake-up lock (a lock acquire with that timeout, released by
call_soon_threadsafe from other threads: CPython's self-pipe), so `await asyncio.sleep(3)`
passes three seconds of program time at once. Timers due at the same instant run in the order they were
scheduled (CPython's heap would order them by microseconds of real time, which follow that
order)."""

__all__ = ('BaseEventLoop',)

import collections
import heapq
import itertools
import math
import sys
import time
from _asyncio_support import get_asyncgen_hooks, set_asyncgen_hooks

from . import coroutines
from . import events
from . import exceptions
from . import futures
from . import tasks
from . import format_helpers

try:
    import _thread
except ImportError:
    _thread = None

_MIN_SCHEDULED_TIMER_HANDLES = 100
_MIN_CANCELLED_TIMER_HANDLES_FRACTION = 0.5
MAXIMUM_SELECT_TIMEOUT = 24 * 3600


def _run_until_complete_cb(fut):
    if not fut.cancelled():
        exc = fut.exception()
        if isinstance(exc, (SystemExit, KeyboardInterrupt)):
            return
    futures._get_loop(fut).stop()


def _format_exception_lines(exc):
    from _asyncio_support import format_exception
    return format_exception(exc)


class _Timer:
    """A heap entry: due time, then scheduling order, then the handle."""

    __slots__ = ('when', 'seq', 'handle')

    def __init__(self, when, seq, handle):
        self.when = when
        self.seq = seq
        self.handle = handle

    def __lt__(self, other):
        if self.when != other.when:
            return self.when < other.when
        return self.seq < other.seq


class BaseEventLoop(events.AbstractEventLoop):

    def __init__(self):
        self._timer_cancelled_count = 0
        self._closed = False
        self._stopping = False
        self._ready = collections.deque()
        self._scheduled = []
        self._timer_seq = itertools.count()
        self._default_executor = None
        self._internal_fds = 0
        self._thread_id = None
        self._clock_resolution = 1e-09
        self._exception_handler = None
        self._debug = False
        self.slow_callback_duration = 0.1
        self._current_handle = None
        self._task_factory = None
        # CPython keeps a WeakSet of the loop's async generators (async generators are not
        # weak-referenceable here): ones still alive at shutdown_asyncgens() are not closed then;
        # ones dropped unfinished are closed through the finalizer hook as in CPython.
        self._asyncgens = set()
        self._asyncgens_shutdown_called = False
        self._executor_shutdown_called = False
        # Wakes the loop from another thread (CPython's self-pipe).
        self._wakeup = _thread.allocate_lock() if _thread is not None else None
        if self._wakeup is not None:
            self._wakeup.acquire()

    def __repr__(self):
        return (f'<{self.__class__.__name__} running={self.is_running()} '
                f'closed={self.is_closed()} debug={self.get_debug()}>')

    # ---------------------------------------------------------------- futures and tasks

    def create_future(self):
        return futures.Future(loop=self)

    def create_task(self, coro, *, name=None, context=None):
        self._check_closed()
        if self._task_factory is None:
            task = tasks.Task(coro, loop=self, name=name, context=context)
        else:
            if context is None:
                task = self._task_factory(self, coro)
            else:
                task = self._task_factory(self, coro, context=context)
            tasks._set_task_name(task, name)
        return task

    def set_task_factory(self, factory):
        if factory is not None and not callable(factory):
            raise TypeError('task factory must be a callable or None')
        self._task_factory = factory

    def get_task_factory(self):
        return self._task_factory

    # ---------------------------------------------------------------- running

    def _check_closed(self):
        if self._closed:
            raise RuntimeError('Event loop is closed')

    def _check_running(self):
        if self.is_running():
            raise RuntimeError('This event loop is already running')
        if events._get_running_loop() is not None:
            raise RuntimeError('Cannot run the event loop while another loop is running')

    def run_forever(self):
        self._check_closed()
        self._check_running()
        self._thread_id = _thread.get_ident() if _thread is not None else 0
        old_agen_hooks = get_asyncgen_hooks()
        set_asyncgen_hooks(self._asyncgen_firstiter_hook, self._asyncgen_finalizer_hook)
        events._set_running_loop(self)
        try:
            while True:
                self._run_once()
                if self._stopping:
                    break
        finally:
            self._stopping = False
            self._thread_id = None
            events._set_running_loop(None)
            set_asyncgen_hooks(*old_agen_hooks)

    def _asyncgen_finalizer_hook(self, agen):
        # An async generator dropped unfinished: close it on the loop (its finally may await).
        self._asyncgens.discard(agen)
        if not self.is_closed():
            self.call_soon_threadsafe(self.create_task, agen.aclose())

    def _asyncgen_firstiter_hook(self, agen):
        pass

    def run_until_complete(self, future):
        self._check_closed()
        self._check_running()
        new_task = not futures.isfuture(future)
        future = tasks.ensure_future(future, loop=self)
        if new_task:
            future._log_destroy_pending = False
        future.add_done_callback(_run_until_complete_cb)
        try:
            self.run_forever()
        except:
            if new_task and future.done() and not future.cancelled():
                future.exception()
            raise
        finally:
            future.remove_done_callback(_run_until_complete_cb)
        if not future.done():
            raise RuntimeError('Event loop stopped before Future completed.')
        return future.result()

    def stop(self):
        self._stopping = True

    def close(self):
        if self.is_running():
            raise RuntimeError("Cannot close a running event loop")
        if self._closed:
            return
        self._closed = True
        self._ready.clear()
        self._scheduled.clear()
        self._executor_shutdown_called = True
        executor = self._default_executor
        if executor is not None:
            self._default_executor = None
            executor.shutdown(wait=False)

    def is_closed(self):
        return self._closed

    def is_running(self):
        return self._thread_id is not None

    def time(self):
        return time.monotonic()

    async def shutdown_asyncgens(self):
        self._asyncgens_shutdown_called = True
        if not len(self._asyncgens):
            return
        closing_agens = list(self._asyncgens)
        self._asyncgens.clear()
        results = await tasks.gather(*[ag.aclose() for ag in closing_agens], return_exceptions=True)
        for result, agen in zip(results, closing_agens):
            if isinstance(result, Exception):
                self.call_exception_handler({
                    'message': f'an error occurred during closing of asynchronous generator {agen!r}',
                    'exception': result,
                    'asyncgen': agen,
                })

    async def shutdown_default_executor(self):
        self._executor_shutdown_called = True
        if self._default_executor is None:
            return
        future = self.create_future()
        import threading
        thread = threading.Thread(target=self._do_shutdown, args=(future,))
        thread.start()
        try:
            await future
        finally:
            thread.join()

    def _do_shutdown(self, future):
        try:
            self._default_executor.shutdown(wait=True)
            if not self.is_closed():
                self.call_soon_threadsafe(future.set_result, None)
        except Exception as ex:
            if not self.is_closed():
                self.call_soon_threadsafe(future.set_exception, ex)

    # ---------------------------------------------------------------- scheduling

    def call_later(self, delay, callback, *args, context=None):
        if delay is None:
            raise TypeError('delay must not be None')
        return self.call_at(self.time() + delay, callback, *args, context=context)

    def call_at(self, when, callback, *args, context=None):
        if when is None:
            raise TypeError("when cannot be None")
        self._check_closed()
        timer = events.TimerHandle(when, callback, args, self, context)
        heapq.heappush(self._scheduled, _Timer(when, next(self._timer_seq), timer))
        timer._scheduled = True
        return timer

    def call_soon(self, callback, *args, context=None):
        self._check_closed()
        if self._debug:
            self._check_callback(callback, 'call_soon')
        handle = events.Handle(callback, args, self, context)
        self._ready.append(handle)
        return handle

    def _check_callback(self, callback, method):
        if coroutines.iscoroutine(callback) or coroutines.iscoroutinefunction(callback):
            raise TypeError(f"coroutines cannot be used with {method}()")
        if not callable(callback):
            raise TypeError(f'a callable object was expected by {method}(), got {callback!r}')

    def call_soon_threadsafe(self, callback, *args, context=None):
        self._check_closed()
        if self._debug:
            self._check_callback(callback, 'call_soon_threadsafe')
        handle = events.Handle(callback, args, self, context)
        self._ready.append(handle)
        self._write_to_self()
        return handle

    def _write_to_self(self):
        lock = self._wakeup
        if lock is not None and lock.locked():
            lock.release()

    def run_in_executor(self, executor, func, *args):
        self._check_closed()
        if self._debug:
            self._check_callback(func, 'run_in_executor')
        if executor is None:
            executor = self._default_executor
            if self._executor_shutdown_called:
                raise RuntimeError('Executor shutdown has been called')
            if executor is None:
                import concurrent.futures
                executor = concurrent.futures.ThreadPoolExecutor(thread_name_prefix='asyncio')
                self._default_executor = executor
        return futures.wrap_future(executor.submit(func, *args), loop=self)

    def set_default_executor(self, executor):
        self._default_executor = executor

    def _timer_handle_cancelled(self, handle):
        if handle._scheduled:
            self._timer_cancelled_count += 1

    # ---------------------------------------------------------------- one iteration

    def _wait(self, timeout):
        """Block until `timeout` seconds of loop time passed or another thread called
        call_soon_threadsafe (None: only the latter), like select() on the self-pipe. If no
        thread can ever wake the loop, the runtime reports the deadlock instead of hanging."""
        if timeout is not None and timeout > 0:
            # epoll_wait() counts whole milliseconds, rounded up (selectors.EpollSelector):
            # timers due within the same millisecond fire in one iteration, as in CPython.
            timeout = math.ceil(timeout * 1e3) * 1e-3
        lock = self._wakeup
        if lock is None:
            if timeout is None:
                raise RuntimeError('asyncio: the event loop has nothing to run and nothing to wait for')
            time.sleep(timeout)
        elif timeout is None:
            lock.acquire()
        elif timeout > 0:
            lock.acquire(True, timeout)
        else:
            lock.acquire(False)

    def _run_once(self):
        scheduled = self._scheduled
        sched_count = len(scheduled)
        if (sched_count > _MIN_SCHEDULED_TIMER_HANDLES and
                self._timer_cancelled_count / sched_count > _MIN_CANCELLED_TIMER_HANDLES_FRACTION):
            kept = []
            for entry in scheduled:
                if entry.handle._cancelled:
                    entry.handle._scheduled = False
                else:
                    kept.append(entry)
            heapq.heapify(kept)
            self._scheduled = scheduled = kept
            self._timer_cancelled_count = 0
        else:
            while scheduled and scheduled[0].handle._cancelled:
                self._timer_cancelled_count -= 1
                entry = heapq.heappop(scheduled)
                entry.handle._scheduled = False

        timeout = None
        if self._ready or self._stopping:
            timeout = 0
        elif scheduled:
            timeout = min(max(0, scheduled[0].when - self.time()), MAXIMUM_SELECT_TIMEOUT)
        if timeout != 0:
            self._wait(timeout)

        end_time = self.time() + self._clock_resolution
        ready = self._ready
        while scheduled:
            entry = scheduled[0]
            if entry.when >= end_time:
                break
            heapq.heappop(scheduled)
            entry.handle._scheduled = False
            ready.append(entry.handle)

        ntodo = len(ready)
        for i in range(ntodo):
            handle = ready.popleft()
            if handle._cancelled:
                continue
            handle._run()
        handle = None

    # ---------------------------------------------------------------- errors

    def get_exception_handler(self):
        return self._exception_handler

    def set_exception_handler(self, handler):
        if handler is not None and not callable(handler):
            raise TypeError(f'A callable object or None is expected, got {handler!r}')
        self._exception_handler = handler

    def default_exception_handler(self, context):
        """Print the message and context to stderr, as CPython's asyncio logger does when
        logging is not configured (message, `key: repr(value)` lines, then the traceback)."""
        message = context.get('message')
        if not message:
            message = 'Unhandled exception in event loop'
        exception = context.get('exception')
        log_lines = [message]
        for key in sorted(context):
            if key in {'message', 'exception'}:
                continue
            log_lines.append(f'{key}: {context[key]!r}')
        text = '\n'.join(log_lines)
        if exception is not None:
            text += '\n' + _format_exception_lines(exception).rstrip('\n')
        print(text, file=sys.stderr)

    def call_exception_handler(self, context):
        if self._exception_handler is None:
            try:
                self.default_exception_handler(context)
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException:
                pass
        else:
            try:
                self._exception_handler(self, context)
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException as exc:
                try:
                    self.default_exception_handler({
                        'message': 'Unhandled error in exception handler',
                        'exception': exc,
                        'context': context,
                    })
                except (SystemExit, KeyboardInterrupt):
                    raise
                except BaseException:
                    pass

    def get_debug(self):
        return self._debug

    def set_debug(self, enabled):
        self._debug = enabled
