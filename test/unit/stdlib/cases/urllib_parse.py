from urllib.parse import urlparse, urlsplit, urlunparse, urljoin, quote, quote_plus, unquote, unquote_plus, urlencode, parse_qs, parse_qsl, urldefrag
import urllib.parse
u = urlparse('https://user:pw@Example.com:8080/path/to;p?q=1&r=a+b#frag')
print(u)
print(u.scheme, u.netloc, u.hostname, u.port, u.username, u.geturl())
print(urlsplit('http://x.org/a/b?c=d#e'), urlsplit('mailto:me@x.org'), urlsplit('/rel/path?x'))
print(urlunparse(('http', 'h.com', '/p', '', 'a=1', 'f')))
for base, rel in [('http://a/b/c/d;p?q', 'g'), ('http://a/b/c/d;p?q', '../g'), ('http://a/b/c/d;p?q', '/g'), ('http://a/b/c/d', '//other/x'), ('http://a/b/c/', 'g?y'), ('http://a/b/c/d', '../../../g')]:
    print(urljoin(base, rel))
print(quote('a b/c&d=é'), quote('a b', safe=''), quote_plus('a b&c'), unquote('%C3%A9t%C3%A9%20x'), unquote_plus('a+b%21'))
print(urlencode({'q': 'hello world', 'n': 3, 'lang': 'fr'}), urlencode([('a', [1, 2])], doseq=True))
print(parse_qs('a=1&b=2&a=3&empty='), parse_qsl('x=1&y=%20z', keep_blank_values=True), urldefrag('http://x/y#z'))
print(urllib.parse.quote(b'\xff'))
u = __import__("urllib.parse").parse.urlparse("ftp://bob:secret@h/x")
print(u.password, u.username)
print(__import__("urllib.parse").parse.unquote("%41%4"))
