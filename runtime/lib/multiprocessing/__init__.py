"""multiprocessing on simulated processes (CPython 3.11's API; see process.py for what a
process is here). Every process is a simulated thread of the one runtime with its own
identity, pid and copy of __main__; they are scheduled with the other threads under the GIL
on the virtual clock."""

import sys

from . import context
from . import process
from .process import current_process, active_children, parent_process
from .context import ProcessError, BufferTooShort, TimeoutError, AuthenticationError

_ctx = context._default_context
__all__ = [x for x in dir(_ctx) if not x.startswith('_')]

Process = context.Process
cpu_count = _ctx.cpu_count
Manager = _ctx.Manager
Pipe = _ctx.Pipe
Lock = _ctx.Lock
RLock = _ctx.RLock
Condition = _ctx.Condition
Semaphore = _ctx.Semaphore
BoundedSemaphore = _ctx.BoundedSemaphore
Event = _ctx.Event
Barrier = _ctx.Barrier
Queue = _ctx.Queue
JoinableQueue = _ctx.JoinableQueue
SimpleQueue = _ctx.SimpleQueue
Pool = _ctx.Pool
RawValue = _ctx.RawValue
RawArray = _ctx.RawArray
Value = _ctx.Value
Array = _ctx.Array
freeze_support = _ctx.freeze_support
get_logger = _ctx.get_logger
log_to_stderr = _ctx.log_to_stderr
allow_connection_pickling = _ctx.allow_connection_pickling
set_executable = _ctx.set_executable
set_forkserver_preload = _ctx.set_forkserver_preload
get_context = _ctx.get_context
get_start_method = _ctx.get_start_method
set_start_method = _ctx.set_start_method
get_all_start_methods = _ctx.get_all_start_methods
reducer = None
SUBDEBUG = 5
SUBWARNING = 25
