# str predicates: isalpha/isdigit/isdecimal/isnumeric/isalnum/isspace/isidentifier/isprintable/isascii
for s in ('abc', 'ABC', 'abc123', '123', '', ' ', '\t\n', '½', '²', '٣', '१२', 'Ⅻ', 'é', 'ß', 'a b', '_x1',
          '1x', 'class', 'Ω', '\x00', '\x7f', 'ǅ', 'Hello World', 'hello world', '\u00a0', '\u2028', '😀',
          'x\u0301', '\U0001d7d8', 'ＡＢＣ', '〇', 'a_b', 'ᾼ', 'Hello_World', '\u200b'):
    show(lambda: (s, s.isalpha(), s.isdigit(), s.isdecimal(), s.isnumeric(), s.isalnum()))
    show(lambda: (s.isspace(), s.isidentifier(), s.isprintable(), s.isascii(), s.isupper(), s.islower(), s.istitle()))
show(lambda: str.isdigit(5))
show(lambda: 'a'.isalpha(1))
