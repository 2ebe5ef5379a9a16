"""multiprocessing.util (CPython 3.11 Lib/multiprocessing/util.py): the exit function and the
logging helpers."""

import sys

from . import process

_log_to_stderr = False


def _exit_function():
    """Run at interpreter exit, before the remaining threads are joined: terminate the daemonic
    children, join the others (CPython registers this with atexit)."""
    process._exit_function()


def get_logger():
    import logging
    return logging.getLogger('multiprocessing')


def log_to_stderr(level=None):
    global _log_to_stderr
    _log_to_stderr = True
    return get_logger()


def info(msg, *args):
    pass


def debug(msg, *args):
    pass
