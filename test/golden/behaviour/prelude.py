# Shared by every behaviour case (the harness and scripts/behaviour-regen.py put it in front of
# the case, after a line `_PRELUDE_LINES = N`). show() calls a probe and prints its repr, or the
# exception it raised, tagged by the probe's line in the case file, so one failure does not stop
# the case and a diff points at the line. shows() prints str() instead of repr().


def _report(probe, args, convert):
    tag = probe.__code__.co_firstlineno - _PRELUDE_LINES
    try:
        result = probe(*args)
    except BaseException as exc:
        print(f"{tag}: {type(exc).__name__}: {exc}")
        return
    try:
        text = convert(result)
    except BaseException as exc:
        text = f"<{convert.__name__} raised {type(exc).__name__}: {exc}>"
    print(f"{tag}: {text}")


def show(probe, *args):
    _report(probe, args, repr)


def shows(probe, *args):
    _report(probe, args, str)
