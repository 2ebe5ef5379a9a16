"""glob for the runtime: pathname pattern expansion over the sandboxed file system."""

import os
import fnmatch

__all__ = ["glob", "iglob", "escape", "has_magic"]


def has_magic(s):
    return any(c in s for c in '*?[')


def _listdir(dirname, include_hidden):
    try:
        names = os.listdir(dirname or os.curdir)
    except OSError:
        return []
    return [n for n in names if include_hidden or not n.startswith('.')]


def _glob(pathname, recursive, include_hidden):
    dirname, basename = os.path.split(pathname)
    if not has_magic(pathname):
        if basename:
            if os.path.lexists(pathname):
                yield pathname
        elif os.path.isdir(dirname):
            yield pathname
        return
    if not dirname:
        dirs = ['']
    elif dirname != pathname and has_magic(dirname):
        dirs = list(_glob(dirname, recursive, include_hidden))
    else:
        dirs = [dirname]
    for d in dirs:
        if d and not os.path.isdir(d):
            continue
        if recursive and basename == '**':
            names = [''] + list(_rlistdir(d, include_hidden))
        elif has_magic(basename):
            pattern_hidden = basename.startswith('.')
            names = [n for n in _listdir(d, include_hidden or pattern_hidden)
                     if fnmatch.fnmatchcase(n, basename)]
        else:
            names = [basename] if os.path.lexists(os.path.join(d, basename)) else []
        for name in names:
            yield os.path.join(d, name) if d else name


def _rlistdir(dirname, include_hidden):
    for name in _listdir(dirname, include_hidden):
        yield name
        path = os.path.join(dirname, name) if dirname else name
        if os.path.isdir(path):
            for sub in _rlistdir(path, include_hidden):
                yield os.path.join(name, sub)


def glob(pathname, *, root_dir=None, dir_fd=None, recursive=False, include_hidden=False):
    return list(iglob(pathname, root_dir=root_dir, recursive=recursive, include_hidden=include_hidden))


def iglob(pathname, *, root_dir=None, dir_fd=None, recursive=False, include_hidden=False):
    if root_dir is not None:
        full = os.path.join(root_dir, pathname)
        prefix = len(os.path.join(root_dir, ''))
        return iter([p[prefix:] for p in _glob(full, recursive, include_hidden) if p[prefix:]])
    # '**' at the top level matches the current directory as '', which glob leaves out.
    return (p for p in _glob(pathname, recursive, include_hidden) if p)


def escape(pathname):
    drive, pathname = '', pathname
    return drive + ''.join('[%s]' % c if c in '*?[' else c for c in pathname)
