# repr()/ascii() of strings: quote choice, escapes, non-printables, non-ASCII
for s in ('abc', "it's", 'say "hi"', 'both \' and "', '\n\t\r\\', '\x00\x1f\x7f\x80\x9f\xa0\xad', 'é ñ 中文',
          '\u2028\u200b\ufeff\ufffd\uffff', '\ud800', '\U0001f600', '\U000e0001', '\U0010ffff', '', "'", '"',
          '\x07\x08\x0b\x0c', 'tab\there', '\u0378', '\u00ff\u0100'):
    show(lambda: (repr(s), ascii(s), len(repr(s))))
    shows(lambda: s.__repr__())
show(lambda: repr(['a', "b'", 'c"']))
show(lambda: repr({'k': 'v\n'}))
show(lambda: ascii(['é', b'\xe9']))
show(lambda: ascii(1.5))
show(lambda: '%r %a' % ('é', 'é'))
show(lambda: '{!r} {!a} {!s}'.format('é', 'é', 'é'))
show(lambda: f'{"é"!a}')
show(lambda: repr('a' * 3) * 2)
