# str case methods: upper/lower/casefold/capitalize/title/swapcase with non-ASCII special cases
for s in ('hello World', 'ÉCOLE', 'straße', 'ǅungla', 'ΣΑΣ ΟΔΟΣ', 'ﬁne', 'İstanbul', "they're bill's",
          'hello_world-foo bar2baz', '123abc', 'ǈ', 'ŉ', 'ΐ', '', 'aBc DeF', 'ß', 'ﬃ', 'ᾳ', 'Ὰͅ', 'a1b2'):
    show(lambda: (s.upper(), s.lower(), s.casefold()))
    show(lambda: (s.capitalize(), s.title(), s.swapcase()))
    show(lambda: (s.isupper(), s.islower(), s.istitle()))
show(lambda: 'abc'.upper(1))
show(lambda: str.upper('x'))
show(lambda: str.upper(1))
show(lambda: 'ΑΣ'.lower())
show(lambda: 'ΑΣ.'.lower())
show(lambda: 'Σ'.lower())
show(lambda: 'aΣ b'.lower())
show(lambda: 'ΑΣΑ'.lower())
