"""asyncio on PyXray's virtual clock: the pure-Python shape of CPython 3.11's asyncio (event
loop, futures, tasks, locks, queues, timeouts, task groups, runners), without sockets,
subprocesses or signals. See base_events for how time passes."""

import sys

from .base_events import *
from .coroutines import *
from .events import *
from .exceptions import *
from .futures import *
from .locks import *
from .queues import *
from .runners import *
from .taskgroups import *
from .tasks import *
from .threads import *
from .timeouts import *
from .unix_events import *

__all__ = (base_events.__all__ + coroutines.__all__ + events.__all__ + exceptions.__all__ +
           futures.__all__ + locks.__all__ + queues.__all__ + runners.__all__ +
           taskgroups.__all__ + tasks.__all__ + threads.__all__ + timeouts.__all__ +
           unix_events.__all__)
