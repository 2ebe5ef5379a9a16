"""importlib for the runtime: import_module and reload over the interpreter's import system
(sys.modules, the shipped library and the program's own modules)."""

import sys

__all__ = ['import_module', 'invalidate_caches', 'reload']


def _resolve_name(name, package, level):
    bits = package.rsplit('.', level - 1)
    if len(bits) < level:
        raise ImportError('attempted relative import beyond top-level package')
    base = bits[0]
    return '{}.{}'.format(base, name) if name else base


def import_module(name, package=None):
    """Import a module; a relative name ('.x') needs the anchor package."""
    level = 0
    if name.startswith('.'):
        if not package:
            raise TypeError("the 'package' argument is required to perform a relative import for {!r}".format(name))
        for character in name:
            if character != '.':
                break
            level += 1
        name = _resolve_name(name[level:], package, level)
    __import__(name)
    return sys.modules[name]


def invalidate_caches():
    pass


def reload(module):
    """Run a module's code again in its existing namespace."""
    name = getattr(module, '__name__', None)
    if name is None or sys.modules.get(name) is not module:
        raise ImportError(f"module {name} not in sys.modules", name=name)
    file = getattr(module, '__file__', None)
    if file is None or not file.endswith('.py'):
        return module
    import _traceback
    lines = []
    n = 1
    while True:
        line = _traceback.getline(file, n)
        if not line:
            break
        lines.append(line)
        n += 1
    exec(compile(''.join(lines), file, 'exec'), module.__dict__)
    return module
