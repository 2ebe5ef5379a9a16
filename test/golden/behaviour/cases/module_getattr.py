# PEP 562: a module's own __getattr__ and __dir__ (module_getattro / module_dir), and import_from's message
import sys
import types
m = types.ModuleType('lazy')
def _lazy_getattr(name):
    if name.startswith('lazy_'):
        return name[5:]
    raise AttributeError(f"module 'lazy' has no attribute {name!r} (from the hook)")
m.__getattr__ = _lazy_getattr
m.real = 1
show(lambda: (m.real, m.lazy_x, getattr(m, 'lazy_y', 'dflt'), getattr(m, 'other', 'dflt'), hasattr(m, 'lazy_z'), hasattr(m, 'other')))
show(lambda: m.other)
m.__dir__ = lambda: ['b', 'a']
show(lambda: dir(m))
plain = types.ModuleType('plain')
show(lambda: plain.missing)
show(lambda: sorted(dir(plain)))
def __getattr__(name):
    return 'main-' + name
show(lambda: sys.modules[__name__].anything)
def failing_hook(name):
    raise KeyError(name)
m2 = types.ModuleType('m2')
m2.__getattr__ = failing_hook
show(lambda: getattr(m2, 'x', 'dflt'))
def from_import():
    sys.modules['lazy'] = m
    try:
        from lazy import lazy_value
        return lazy_value
    finally:
        del sys.modules['lazy']
show(from_import)
def from_import_missing():
    sys.modules['plain'] = plain
    try:
        from plain import nothing
    finally:
        del sys.modules['plain']
show(from_import_missing)
