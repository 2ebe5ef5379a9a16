"""html for the runtime: escape and unescape (named and numeric character references)."""

__all__ = ['escape', 'unescape']

_NAMED = {'amp': '&', 'lt': '<', 'gt': '>', 'quot': '"', 'apos': "'", 'nbsp': '\xa0', 'copy': '\xa9',
          'reg': '\xae', 'euro': '\u20ac', 'hellip': '\u2026', 'mdash': '\u2014', 'ndash': '\u2013'}


def escape(s, quote=True):
    s = s.replace("&", "&amp;")
    s = s.replace("<", "&lt;")
    s = s.replace(">", "&gt;")
    if quote:
        s = s.replace('"', "&quot;")
        s = s.replace('\'', "&#x27;")
    return s


def unescape(s):
    if '&' not in s:
        return s
    import re

    def replace(m):
        whole = m.group(0)
        text = m.group(1).rstrip(';')
        if text.startswith('#'):
            try:
                num = int(text[2:], 16) if text[1:2] in ('x', 'X') else int(text[1:])
            except ValueError:
                return whole
            if num == 0 or 0xD800 <= num <= 0xDFFF or num > 0x10FFFF:
                return '\uFFFD'
            return chr(num)
        return _NAMED.get(text, whole)
    return re.sub(r'&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)', replace, s)
