import shlex, html
print(shlex.split('ls -l "my file.txt" \'single quoted\' a\\ b'), shlex.split('x # c', comments=True))
print(shlex.quote("it's"), shlex.quote('simple'), shlex.quote(''), shlex.join(['echo', 'a b', "c'd"]))
try:
    shlex.split('"open')
except ValueError as e:
    print(e)
print(html.escape('<a href="x">Tom & Jerry\'s</a>'), html.escape('<b>', quote=False))
print(html.unescape('&lt;p&gt; &amp;amp; &#39; &#x27; &quot;hi&quot; &copy; &unknown; &#0;'))
