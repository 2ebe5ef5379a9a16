"""pydoc for the runtime: the plain-text documentation help() prints, for functions, methods and
classes (CPython 3.11's pydoc.TextDoc: signatures from inspect, docstrings inherited like
_finddoc, class pages with the MRO and the methods/properties/data sections, each split into
"defined here" and "inherited from"). Output goes straight to sys.stdout, as CPython's pager
does when stdout is not a terminal. Modules get a short page (name, docstring, functions,
classes, data); the interactive help> prompt is not provided.
"""

import sys
import inspect
import builtins

__all__ = ['help', 'render_doc', 'plain', 'describe', 'getdoc']

# Getset descriptors here carry no docstrings of their own; these are CPython's.
_DESCRIPTOR_DOCS = {'__dict__': 'dictionary for instance variables',
                    '__weakref__': 'list of weak references to the object'}


def _findclass(func):
    cls = sys.modules.get(func.__module__)
    if cls is None:
        return None
    for name in func.__qualname__.split('.')[:-1]:
        cls = getattr(cls, name, None)
    if not inspect.isclass(cls):
        return None
    return cls


def _getowndoc(obj):
    try:
        doc = object.__getattribute__(obj, '__doc__')
        if doc is None:
            return None
        if obj is not type:
            typedoc = type(obj).__doc__
            if isinstance(typedoc, str) and typedoc == doc:
                return None
        return doc
    except AttributeError:
        return None


def _finddoc(obj):
    if inspect.ismethod(obj):
        name = obj.__func__.__name__
        self = obj.__self__
        if inspect.isclass(self) and getattr(getattr(self, name, None), '__func__') is obj.__func__:
            cls = self
        else:
            cls = self.__class__
    elif inspect.isfunction(obj):
        name = obj.__name__
        cls = _findclass(obj)
        if cls is None or getattr(cls, name, None) is not obj:
            return None
    elif isinstance(obj, property):
        func = obj.fget
        name = func.__name__
        cls = _findclass(func)
        if cls is None or getattr(cls, name) is not obj:
            return None
    else:
        return None
    for base in cls.__mro__:
        try:
            doc = _getowndoc(getattr(base, name))
        except AttributeError:
            continue
        if doc is not None:
            return doc
    return None


def _getdoc(object):
    try:
        doc = _getowndoc(object)
    except AttributeError:
        return None
    if doc is None:
        try:
            doc = _finddoc(object)
        except (AttributeError, TypeError):
            return None
    if not isinstance(doc, str):
        return None
    return inspect.cleandoc(doc)


def getdoc(object):
    result = _getdoc(object) or inspect.getcomments(object)
    return result and result.rstrip() or ''


def classname(object, modname):
    name = object.__name__
    if object.__module__ != modname:
        name = object.__module__ + '.' + name
    return name


def _is_bound_method(fn):
    if inspect.ismethod(fn):
        return True
    if inspect.isbuiltin(fn):
        self = getattr(fn, '__self__', None)
        return not (inspect.ismodule(self) or (self is None))
    return False


def visiblename(name, all=None, obj=None):
    if name in {'__author__', '__builtins__', '__cached__', '__credits__', '__date__', '__doc__',
                '__file__', '__spec__', '__loader__', '__module__', '__name__', '__package__',
                '__path__', '__qualname__', '__slots__', '__version__'}:
        return 0
    if name.startswith('__') and name.endswith('__'):
        return 1
    if name.startswith('_') and hasattr(obj, '_fields'):
        return True
    if all is not None:
        return name in all
    return not name.startswith('_')


def classify_class_attrs(object):
    results = []
    mro = object.__mro__
    for name in dir(object):
        homecls = None
        for base in mro:
            if name in base.__dict__:
                homecls = base
                value = base.__dict__[name]
                break
        if homecls is None:
            value = getattr(object, name)
            homecls = getattr(value, '__objclass__', object)
        if isinstance(value, staticmethod):
            kind = 'static method'
        elif isinstance(value, classmethod):
            kind = 'class method'
        elif isinstance(value, property):
            kind = 'readonly property' if value.fset is None else 'data descriptor'
        elif inspect.isroutine(value):
            kind = 'method'
        elif inspect.isdatadescriptor(value):
            kind = 'data descriptor'
        else:
            kind = 'data'
        results.append((name, kind, homecls, value))
    return results


def _split_list(s, predicate):
    yes = []
    no = []
    for x in s:
        if predicate(x):
            yes.append(x)
        else:
            no.append(x)
    return yes, no


def _repr(x, maxstring=30):
    # reprlib's cram for strings (TextRepr), plain repr otherwise.
    if isinstance(x, str):
        s = repr(x[:maxstring])
        if len(s) > maxstring:
            i = max(0, (maxstring - 3) // 2)
            j = max(0, maxstring - 3 - i)
            s = repr(x)
            s = s[:i] + '...' + s[len(s) - j:]
        return s
    return repr(x)


class TextDoc:
    def bold(self, text):
        return text

    def indent(self, text, prefix='    '):
        if not text:
            return ''
        lines = [prefix + line for line in text.split('\n')]
        if lines:
            lines[-1] = lines[-1].rstrip()
        return '\n'.join(lines)

    def section(self, title, contents):
        clean_contents = self.indent(contents).rstrip()
        return self.bold(title) + '\n' + clean_contents + '\n\n'

    def document(self, object, name=None, *args):
        if inspect.isclass(object):
            return self.docclass(object, name, *args)
        if inspect.isroutine(object):
            return self.docroutine(object, name, *args)
        if inspect.ismodule(object):
            return self.docmodule(object, name, *args)
        if inspect.isdatadescriptor(object):
            return self.docdata(object, name, *args)
        return self.docother(object, name, *args)

    def docroutine(self, object, name=None, mod=None, cl=None):
        realname = object.__name__
        name = name or realname
        note = ''
        skipdocs = 0
        if _is_bound_method(object):
            imclass = object.__self__.__class__
            if cl:
                if imclass is not cl:
                    note = ' from ' + classname(imclass, mod)
            else:
                if object.__self__ is not None:
                    note = ' method of %s instance' % classname(object.__self__.__class__, mod)
                else:
                    note = ' unbound %s method' % classname(imclass, mod)
        if inspect.iscoroutinefunction(object) or inspect.isasyncgenfunction(object):
            asyncqualifier = 'async '
        else:
            asyncqualifier = ''
        if name == realname:
            title = self.bold(realname)
        else:
            if cl and inspect.getattr_static(cl, realname, []) is object:
                skipdocs = 1
            title = self.bold(name) + ' = ' + realname
        argspec = None
        if inspect.isroutine(object):
            try:
                signature = inspect.signature(object)
            except (ValueError, TypeError):
                signature = None
            if signature:
                argspec = str(signature)
                if realname == '<lambda>':
                    title = self.bold(name) + ' lambda '
                    argspec = argspec[1:-1]
        if not argspec:
            argspec = '(...)'
        decl = asyncqualifier + title + argspec + note
        if skipdocs:
            return decl + '\n'
        doc = getdoc(object) or ''
        return decl + '\n' + (doc and self.indent(doc).rstrip() + '\n')

    def docdata(self, object, name=None, mod=None, cl=None):
        results = []
        if name:
            results.append(self.bold(name))
            results.append('\n')
        if type(object).__name__ == 'getset_descriptor' and name in _DESCRIPTOR_DOCS:
            doc = _DESCRIPTOR_DOCS[name]
        else:
            doc = getdoc(object) or ''
        if doc:
            results.append(self.indent(doc))
            results.append('\n')
        return ''.join(results)

    def docother(self, object, name=None, mod=None, parent=None, maxlen=None, doc=None):
        r = _repr(object)
        if maxlen:
            line = (name and name + ' = ' or '') + r
            chop = maxlen - len(line)
            if chop < 0:
                r = r[:chop] + '...'
        line = (name and self.bold(name) + ' = ' or '') + r
        if not doc:
            doc = getdoc(object)
        if doc:
            line += '\n' + self.indent(str(doc)) + '\n'
        return line

    def docclass(self, object, name=None, mod=None, *ignored):
        realname = object.__name__
        name = name or realname
        bases = object.__bases__

        def makename(c, m=object.__module__):
            return classname(c, m)

        if name == realname:
            title = 'class ' + self.bold(realname)
        else:
            title = self.bold(name) + ' = class ' + realname
        if bases:
            title = title + '(%s)' % ', '.join(map(makename, bases))
        contents = []
        push = contents.append
        try:
            signature = inspect.signature(object)
        except (ValueError, TypeError):
            signature = None
        if signature:
            argspec = str(signature)
            if argspec and argspec != '()':
                push(name + argspec + '\n')
        doc = getdoc(object)
        if doc:
            push(doc + '\n')
        mro = list(object.__mro__)
        if len(mro) > 2:
            push("Method resolution order:")
            for base in mro:
                push('    ' + makename(base))
            push('')

        class HorizontalRule:
            def __init__(self):
                self.needone = 0

            def maybe(self):
                if self.needone:
                    push('-' * 70)
                self.needone = 1

        hr = HorizontalRule()

        def spill(msg, attrs, predicate):
            ok, attrs = _split_list(attrs, predicate)
            if ok:
                hr.maybe()
                push(msg)
                for name, kind, homecls, value in ok:
                    try:
                        value = getattr(object, name)
                    except Exception:
                        push(self.docdata(value, name, mod))
                    else:
                        push(self.document(value, name, mod, object))
            return attrs

        def spilldescriptors(msg, attrs, predicate):
            ok, attrs = _split_list(attrs, predicate)
            if ok:
                hr.maybe()
                push(msg)
                for name, kind, homecls, value in ok:
                    push(self.docdata(value, name, mod))
            return attrs

        def spilldata(msg, attrs, predicate):
            ok, attrs = _split_list(attrs, predicate)
            if ok:
                hr.maybe()
                push(msg)
                for name, kind, homecls, value in ok:
                    doc = getdoc(value) if not isinstance(value, (int, float, str, bytes, tuple, list, dict, set, bool, type(None))) else None
                    try:
                        obj = getattr(object, name)
                    except AttributeError:
                        obj = homecls.__dict__[name]
                    push(self.docother(obj, name, mod, maxlen=70, doc=doc) + '\n')
            return attrs

        attrs = [(name, kind, cls, value) for name, kind, cls, value in classify_class_attrs(object)
                 if visiblename(name, obj=object)]
        while attrs:
            if mro:
                thisclass = mro.pop(0)
            else:
                thisclass = attrs[0][2]
            attrs, inherited = _split_list(attrs, lambda t: t[2] is thisclass)
            if object is not builtins.object and thisclass is builtins.object:
                attrs = inherited
                continue
            elif thisclass is object:
                tag = "defined here"
            else:
                tag = "inherited from %s" % classname(thisclass, object.__module__)
            fields = getattr(object, '_fields', [])
            field_order = {name: i - len(fields) for (i, name) in enumerate(fields)}
            attrs.sort(key=lambda attr: (field_order.get(attr[0], 0), attr[0]))
            attrs = spill("Methods %s:\n" % tag, attrs, lambda t: t[1] == 'method')
            attrs = spill("Class methods %s:\n" % tag, attrs, lambda t: t[1] == 'class method')
            attrs = spill("Static methods %s:\n" % tag, attrs, lambda t: t[1] == 'static method')
            attrs = spilldescriptors("Readonly properties %s:\n" % tag, attrs,
                                     lambda t: t[1] == 'readonly property')
            attrs = spilldescriptors('Data descriptors %s:\n' % tag, attrs,
                                     lambda t: t[1] == 'data descriptor')
            attrs = spilldata("Data and other attributes %s:\n" % tag, attrs, lambda t: t[1] == 'data')
            attrs = inherited
        contents = '\n'.join(contents)
        if not contents:
            return title + '\n'
        return title + '\n' + self.indent(contents.rstrip(), ' |  ') + '\n'

    def docmodule(self, object, name=None, mod=None):
        name = object.__name__
        result = self.section('NAME', name + ((' - ' + getdoc(object).split('\n')[0]) if getdoc(object) else ''))
        doc = getdoc(object)
        if doc:
            result += self.section('DESCRIPTION', doc)
        classes = [(k, v) for k, v in sorted(object.__dict__.items())
                   if inspect.isclass(v) and getattr(v, '__module__', None) == name and visiblename(k, obj=object)]
        funcs = [(k, v) for k, v in sorted(object.__dict__.items())
                 if inspect.isroutine(v) and visiblename(k, obj=object)]
        data = [(k, v) for k, v in sorted(object.__dict__.items())
                if not inspect.isclass(v) and not inspect.isroutine(v) and not inspect.ismodule(v)
                and visiblename(k, obj=object)]
        if classes:
            result += self.section('CLASSES', '\n'.join(self.document(v, k, name) for k, v in classes))
        if funcs:
            result += self.section('FUNCTIONS', '\n'.join(self.document(v, k, name) for k, v in funcs))
        if data:
            result += self.section('DATA', '\n'.join(self.docother(v, k, name, maxlen=70) for k, v in data))
        file = getattr(object, '__file__', None)
        result += self.section('FILE', file if file else '(built-in)')
        return result


text = TextDoc()


def plain(text):
    return text


def describe(thing):
    if inspect.ismodule(thing):
        if thing.__name__ in sys.builtin_module_names if hasattr(sys, 'builtin_module_names') else False:
            return 'built-in module ' + thing.__name__
        if hasattr(thing, '__path__'):
            return 'package ' + thing.__name__
        return 'module ' + thing.__name__
    if inspect.isbuiltin(thing):
        return 'built-in function ' + thing.__name__
    if isinstance(thing, property):
        return 'property'
    if inspect.isclass(thing):
        return 'class ' + thing.__name__
    if inspect.isfunction(thing):
        return 'function ' + thing.__name__
    if inspect.ismethod(thing):
        return 'method ' + thing.__name__
    return type(thing).__name__


def render_doc(thing, title='Python Library Documentation: %s', forceload=0, renderer=None):
    if renderer is None:
        renderer = text
    object = thing
    name = getattr(thing, '__name__', None)
    if isinstance(thing, str):
        raise ImportError('No Python documentation found for %r.' % thing)
    desc = describe(object)
    module = inspect.getmodule(object)
    if module and module is not object:
        desc += ' in module ' + module.__name__
    if not (inspect.ismodule(object) or inspect.isclass(object) or inspect.isroutine(object)
            or inspect.isdatadescriptor(object) or _getdoc(object)):
        object = type(object)
        desc += ' object'
    return title % desc + '\n\n' + renderer.document(object, name)


def doc(thing, title='Python Library Documentation: %s', forceload=0, output=None):
    text_ = render_doc(thing, title, forceload)
    if output is None:
        sys.stdout.write(text_)
    else:
        output.write(text_)


class Helper:
    def __repr__(self):
        return ('Type help() for interactive help, or help(object) for help about object.')

    def __call__(self, *args, **kwds):
        if not args and not kwds:
            print('The interactive help utility is not available here; use help(object).')
            return
        self.help(*args, **kwds)

    def help(self, request):
        doc(request, 'Help on %s:')
        sys.stdout.write('\n')


help = Helper()
