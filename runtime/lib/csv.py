"""csv for the runtime: reader/writer/DictReader/DictWriter with CPython's dialects (excel,
excel-tab, unix), quoting modes and error messages (Modules/_csv.c semantics)."""

import re

__all__ = ["QUOTE_MINIMAL", "QUOTE_ALL", "QUOTE_NONNUMERIC", "QUOTE_NONE", "Error", "Dialect",
           "excel", "excel_tab", "unix_dialect", "reader", "writer", "register_dialect",
           "get_dialect", "list_dialects", "field_size_limit", "DictReader", "DictWriter", "Sniffer"]

QUOTE_MINIMAL, QUOTE_ALL, QUOTE_NONNUMERIC, QUOTE_NONE = range(4)
__version__ = "1.0"


class Error(Exception):
    pass


Error.__module__ = '_csv'


class Dialect:
    """Describe a CSV dialect."""
    _name = ""
    _valid = False
    delimiter = None
    quotechar = None
    escapechar = None
    doublequote = None
    skipinitialspace = None
    lineterminator = None
    quoting = None
    strict = False


class excel(Dialect):
    delimiter = ','
    quotechar = '"'
    doublequote = True
    skipinitialspace = False
    lineterminator = '\r\n'
    quoting = QUOTE_MINIMAL


class excel_tab(excel):
    delimiter = '\t'


class unix_dialect(Dialect):
    delimiter = ','
    quotechar = '"'
    doublequote = True
    skipinitialspace = False
    lineterminator = '\n'
    quoting = QUOTE_ALL


_dialects = {'excel': excel, 'excel-tab': excel_tab, 'unix': unix_dialect}
_field_limit = [131072]


def register_dialect(name, dialect=None, **fmtparams):
    _dialects[name] = _Params(dialect or excel, fmtparams)


def unregister_dialect(name):
    if name not in _dialects:
        raise Error("unknown dialect")
    del _dialects[name]


def get_dialect(name):
    try:
        return _dialects[name]
    except KeyError:
        raise Error("unknown dialect") from None


def list_dialects():
    return list(_dialects)


def field_size_limit(*args):
    old = _field_limit[0]
    if args:
        _field_limit[0] = args[0]
    return old


class _Params:
    """A dialect resolved from a name/class/object plus keyword overrides."""

    def __init__(self, dialect, fmtparams):
        if isinstance(dialect, str):
            dialect = get_dialect(dialect)
        for name in ('delimiter', 'quotechar', 'escapechar', 'doublequote', 'skipinitialspace',
                     'lineterminator', 'quoting', 'strict'):
            value = fmtparams.get(name, getattr(dialect, name, None))
            setattr(self, name, value)
        for key in fmtparams:
            if not hasattr(self, key):
                raise TypeError("'%s' is an invalid keyword argument for this function" % key)
        if self.delimiter is None:
            self.delimiter = ','
        if not isinstance(self.delimiter, str) or len(self.delimiter) != 1:
            raise TypeError('"delimiter" must be a 1-character string')
        if self.quoting is None:
            self.quoting = QUOTE_MINIMAL
        if self.quotechar is None and self.quoting != QUOTE_NONE:
            raise TypeError('quotechar must be set if quoting enabled')
        if self.lineterminator is None:
            self.lineterminator = '\r\n'
        if self.doublequote is None:
            self.doublequote = True
        self.skipinitialspace = bool(self.skipinitialspace)
        self.strict = bool(self.strict)


class _Reader:
    def __init__(self, f, params):
        self._it = iter(f)
        self.dialect = params
        self.line_num = 0

    def __iter__(self):
        return self

    def __next__(self):
        d = self.dialect
        fields = []
        field = []
        state = 'start'
        quoted = False
        while True:
            try:
                line = next(self._it)
            except StopIteration:
                if state in ('quoted', 'escape_in_quoted'):
                    if d.strict:
                        raise Error("unexpected end of data")
                    fields.append(''.join(field))
                    return fields
                if state == 'start' and not fields:
                    raise
                fields.append(''.join(field))
                return fields
            if not isinstance(line, str):
                raise Error("iterator should return strings, not %.200s "
                            "(the file should be opened in text mode)" % type(line).__name__)
            self.line_num += 1
            i = 0
            n = len(line)
            while i < n:
                c = line[i]
                if state in ('start', 'field'):
                    if state == 'start' and c == d.quotechar and d.quoting != QUOTE_NONE:
                        state = 'quoted'
                        quoted = True
                    elif state == 'start' and c == ' ' and d.skipinitialspace:
                        pass
                    elif c == d.delimiter:
                        fields.append(self._convert(''.join(field), quoted))
                        field = []
                        quoted = False
                        state = 'start'
                    elif c in '\r\n':
                        if state == 'start' and not fields and not field:
                            # blank line: an empty row
                            rest = line[i:].strip('\r\n')
                            if rest == '':
                                return []
                        fields.append(self._convert(''.join(field), quoted))
                        return fields
                    elif c == d.escapechar:
                        state = 'escape'
                    else:
                        field.append(c)
                        state = 'field'
                elif state == 'escape':
                    field.append(c)
                    state = 'field'
                elif state == 'quoted':
                    if c == d.escapechar:
                        state = 'escape_in_quoted'
                    elif c == d.quotechar:
                        state = 'quote_in_quoted' if d.doublequote else 'after_quote'
                    else:
                        field.append(c)
                elif state == 'escape_in_quoted':
                    field.append(c)
                    state = 'quoted'
                elif state in ('quote_in_quoted', 'after_quote'):
                    if c == d.quotechar and state == 'quote_in_quoted':
                        field.append(c)
                        state = 'quoted'
                    elif c == d.delimiter:
                        fields.append(self._convert(''.join(field), quoted))
                        field = []
                        quoted = False
                        state = 'start'
                    elif c in '\r\n':
                        fields.append(self._convert(''.join(field), quoted))
                        return fields
                    elif d.strict:
                        raise Error("'%s' expected after '%s'" % (d.delimiter, d.quotechar))
                    else:
                        field.append(c)
                        state = 'field'
                i += 1
            if state == 'start' and not fields and line == '':
                return []
            if state in ('start', 'field', 'quote_in_quoted', 'after_quote'):
                fields.append(self._convert(''.join(field), quoted))
                return fields
            # inside quotes across a line break: the newline belongs to the field (already added)

    def _convert(self, text, quoted):
        if self.dialect.quoting == QUOTE_NONNUMERIC and not quoted and text != '':
            return float(text)
        return text


class _Writer:
    def __init__(self, f, params):
        self._write = f.write
        self.dialect = params

    def _field(self, value):
        d = self.dialect
        if value is None:
            text = ''
        elif isinstance(value, float):
            text = repr(value)
        else:
            text = str(value)
        numeric = isinstance(value, (int, float)) and not isinstance(value, bool)
        if d.quoting == QUOTE_ALL or (d.quoting == QUOTE_NONNUMERIC and not numeric):
            need = True
        elif d.quoting == QUOTE_NONE:
            need = False
        else:
            need = (text == '' and False) or any(ch in text for ch in (d.delimiter, d.quotechar or '', '\r', '\n')) \
                or (text.startswith(' ') and d.skipinitialspace)
        if d.quoting == QUOTE_NONE:
            out = []
            for ch in text:
                if ch in (d.delimiter, d.quotechar, '\r', '\n') and ch:
                    if d.escapechar is None:
                        raise Error('need to escape, but no escapechar set')
                    out.append(d.escapechar)
                out.append(ch)
            return ''.join(out)
        if d.quotechar and d.quotechar in text:
            if d.doublequote:
                text = text.replace(d.quotechar, d.quotechar * 2)
            elif d.escapechar:
                text = text.replace(d.quotechar, d.escapechar + d.quotechar)
            else:
                raise Error('need to escape, but no escapechar set')
        return d.quotechar + text + d.quotechar if need else text

    def writerow(self, row):
        try:
            items = list(row)
        except TypeError:
            raise Error("iterable expected, not %s" % type(row).__name__) from None
        d = self.dialect
        if len(items) == 1 and (items[0] is None or items[0] == '') and d.quoting != QUOTE_NONE:
            line = d.quotechar * 2 if d.quotechar else ''
        else:
            line = d.delimiter.join(self._field(v) for v in items)
        return self._write(line + d.lineterminator)

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


def reader(csvfile, dialect='excel', **fmtparams):
    return _Reader(csvfile, _Params(dialect, fmtparams))


def writer(csvfile, dialect='excel', **fmtparams):
    return _Writer(csvfile, _Params(dialect, fmtparams))


class DictReader:
    def __init__(self, f, fieldnames=None, restkey=None, restval=None, dialect="excel", *args, **kwds):
        self._fieldnames = fieldnames
        self.restkey = restkey
        self.restval = restval
        self.reader = reader(f, dialect, *args, **kwds)
        self.dialect = dialect
        self.line_num = 0

    def __iter__(self):
        return self

    @property
    def fieldnames(self):
        if self._fieldnames is None:
            try:
                self._fieldnames = next(self.reader)
            except StopIteration:
                pass
        self.line_num = self.reader.line_num
        return self._fieldnames

    @fieldnames.setter
    def fieldnames(self, value):
        self._fieldnames = value

    def __next__(self):
        if self.line_num == 0:
            self.fieldnames
        row = next(self.reader)
        self.line_num = self.reader.line_num
        while row == []:
            row = next(self.reader)
        d = dict(zip(self.fieldnames, row))
        lf = len(self.fieldnames)
        lr = len(row)
        if lf < lr:
            d[self.restkey] = row[lf:]
        elif lf > lr:
            for key in self.fieldnames[lr:]:
                d[key] = self.restval
        return d


class DictWriter:
    def __init__(self, f, fieldnames, restval="", extrasaction="raise", dialect="excel", *args, **kwds):
        if fieldnames is not None and iter(fieldnames) is fieldnames:
            fieldnames = list(fieldnames)
        self.fieldnames = fieldnames
        self.restval = restval
        if extrasaction.lower() not in ("raise", "ignore"):
            raise ValueError("extrasaction (%s) must be 'raise' or 'ignore'" % extrasaction)
        self.extrasaction = extrasaction
        self.writer = writer(f, dialect, *args, **kwds)

    def writeheader(self):
        header = dict(zip(self.fieldnames, self.fieldnames))
        return self.writerow(header)

    def _dict_to_list(self, rowdict):
        if self.extrasaction == "raise":
            wrong_fields = [k for k in rowdict if k not in self.fieldnames]
            if wrong_fields:
                raise ValueError("dict contains fields not in fieldnames: " + ", ".join([repr(x) for x in wrong_fields]))
        return (rowdict.get(key, self.restval) for key in self.fieldnames)

    def writerow(self, rowdict):
        return self.writer.writerow(self._dict_to_list(rowdict))

    def writerows(self, rowdicts):
        return self.writer.writerows(map(self._dict_to_list, rowdicts))


class Sniffer:
    def has_header(self, sample):
        rows = list(reader(sample.splitlines()))
        return bool(rows) and all(not c.replace('.', '', 1).isdigit() for c in rows[0])
