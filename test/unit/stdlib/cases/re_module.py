import re

text = 'abooabbapds abokslap'
obj = re.compile('ab.*?ap')
print(obj, obj.findall(text), [m.group() for m in obj.finditer(text)])
m = re.search(r'(\d+)-(\d+)', 'call 555-1234 now')
print(m, m.group(), m.group(1), m.group(2), m.groups(), m.span(), m.start(2), m.end(), m[1])
print(re.match(r'\w+', 'hello world'), re.match(r'\d', 'x1'), re.fullmatch(r'\d+', '123'), re.fullmatch(r'\d+', '123a'))
named = re.search(r'(?P<year>\d{4})-(?P<month>\d\d)', 'on 2024-03-05')
print(named.groupdict(), named['year'], named.group('month'), named.lastgroup, named.lastindex)
print(re.findall(r'\d+', 'a1b22c333'), re.findall(r'(\w)(\d)', 'a1 b2 c'), re.findall(r'(a)|b', 'ab'))
print(re.sub(r'\s+', ' ', 'too    many   spaces'), re.sub(r'(\w+)@(\w+)', r'\2 at \1', 'me@host you@there'))
print(re.sub(r'\d', lambda m: str(int(m.group()) * 2), 'a1b2c3'), re.subn('o', '0', 'foo boo', count=3))
print(re.sub(r'(?P<w>\w+)', r'<\g<w>>', 'hi there'))
print(re.split(r'[,;]\s*', 'a, b;c,d'), re.split(r'(,)', 'a,b'), re.split(r'\s', 'a b c', maxsplit=1))
print(re.findall(r'^\w+', 'one\ntwo\nthree', re.M), re.findall(r'a.b', 'a\nb', re.S), re.search('HELLO', 'say hello', re.I))
print(re.compile(r'\d+', re.IGNORECASE), re.I | re.M, re.escape('a.b*c'))
print(re.search(r'end$', 'the end\n'), re.search(r'\Astart', 'start here'), re.findall(r'', 'ab'))
print(re.sub('x*', '-', 'abc'), re.findall(r'\bcat\b', 'cat concat cat'))
verbose = re.compile(r'''
    (\d{3})   # area
    [-.\s]?
    (\d{4})   # number
''', re.VERBOSE)
print(verbose.search('tel 555.1234').groups())
print(bool(re.match('a', 'a')), re.search('z', 'abc') is None)
try:
    re.compile('[abc')
except re.error as e:
    print('re.error')
