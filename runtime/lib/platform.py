"""platform for the runtime: the identity of the simulated machine — CPython 3.11 on 64-bit
Linux, as the runtime presents itself everywhere (sys.version_info, sys.platform)."""

import sys

__all__ = ['architecture', 'machine', 'node', 'platform', 'processor', 'python_build',
           'python_compiler', 'python_implementation', 'python_version', 'python_version_tuple',
           'release', 'system', 'uname', 'version']

_RELEASE = '6.1.0-pyxray'


def python_version():
    v = sys.version_info
    return '%d.%d.%d' % (v[0], v[1], v[2])


def python_version_tuple():
    return tuple(python_version().split('.'))


def python_implementation():
    return 'CPython'


def python_compiler():
    return 'GCC 12.2.0'


def python_build():
    return ('main', 'PyXray')


def system():
    return 'Linux'


def machine():
    return 'x86_64'


def processor():
    return ''


def node():
    return 'pyxray'


def release():
    return _RELEASE


def version():
    return '#1 SMP PyXray'


def architecture(executable=sys.executable if hasattr(sys, 'executable') else '', bits='', linkage=''):
    return ('64bit', 'ELF')


class uname_result(tuple):
    _fields = ('system', 'node', 'release', 'version', 'machine')

    def __new__(cls, system, node, release, version, machine):
        return tuple.__new__(cls, (system, node, release, version, machine))

    system = property(lambda self: self[0])
    node = property(lambda self: self[1])
    release = property(lambda self: self[2])
    version = property(lambda self: self[3])
    machine = property(lambda self: self[4])

    @property
    def processor(self):
        return processor()

    def __repr__(self):
        return 'uname_result(system=%r, node=%r, release=%r, version=%r, machine=%r)' % tuple(self)


def uname():
    return uname_result(system(), node(), release(), version(), machine())


def platform(aliased=False, terse=False):
    if terse:
        return 'Linux-' + _RELEASE
    return 'Linux-%s-x86_64-with-glibc2.36' % _RELEASE
