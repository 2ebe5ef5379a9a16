# unicodedata: category, name/lookup, decimal/digit/numeric, normalize/is_normalized (Unicode 14.0.0)
import unicodedata
show(lambda: unicodedata.unidata_version)
for c in ('a', 'Z', '7', ' ', '\u00bd', '\u2189', '\u0660', '\u00b2', '\u2160', '\uac00', '\u4e00', '\U00020000',
          '\u0378', '\U000e0001', '\u03a3', '\u1e9e', '\U0001f600', '\u0301', '\u2028', '\ue000'):
    show(lambda: (unicodedata.category(c), unicodedata.name(c, None), unicodedata.decimal(c, None),
                  unicodedata.digit(c, None), unicodedata.numeric(c, None)))
show(lambda: unicodedata.lookup('LATIN SMALL LETTER A'))
show(lambda: unicodedata.lookup('latin capital letter sharp s'))
show(lambda: unicodedata.lookup('HANGUL SYLLABLE GAG'))
show(lambda: unicodedata.lookup('CJK UNIFIED IDEOGRAPH-4E01'))
show(lambda: unicodedata.lookup('ZWJ'))
show(lambda: unicodedata.lookup('NO SUCH THING'))
show(lambda: unicodedata.lookup(1))
for form in ('NFC', 'NFD', 'NFKC', 'NFKD'):
    show(lambda: (unicodedata.normalize(form, 'e\u0301 \ufb01 \u00c5 \u2460 \u1e9b\u0323'), unicodedata.is_normalized(form, '\u00e9')))
show(lambda: unicodedata.normalize('NFX', 'a'))
show(lambda: unicodedata.normalize('NFC', 1))
show(lambda: unicodedata.category('ab'))
show(lambda: unicodedata.category(1))
show(lambda: unicodedata.category())
show(lambda: unicodedata.name('\x00'))
show(lambda: unicodedata.name())
show(lambda: unicodedata.decimal('a'))
show(lambda: unicodedata.digit('\u2155'))
show(lambda: unicodedata.numeric('a'))
show(lambda: unicodedata.decimal('x', -1))
show(lambda: sum(1 for i in range(0x3400) if unicodedata.category(chr(i)) == 'Lu'))
show(lambda: [unicodedata.name(chr(i)) for i in range(0x1f600, 0x1f605)])
