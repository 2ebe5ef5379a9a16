def f():
    from . import sibling
    from .. import parent as p
    return sibling, p
