import textwrap

text = ("The quick brown fox jumps over the lazy dog. A well-known pangram, it uses every "
        "letter of the alphabet at least once, making it useful for type-testing fonts.")
print(textwrap.wrap(text, width=30))
print(textwrap.fill(text, width=40))
print(textwrap.fill(text, width=25, initial_indent='* ', subsequent_indent='  '))
print(textwrap.wrap('supercalifragilisticexpialidocious is long', width=10))
print(textwrap.wrap('supercalifragilisticexpialidocious', width=10, break_long_words=False))
print(textwrap.shorten('Hello  world!  This is a longer sentence.', width=20))
print(textwrap.shorten('Hello world', width=11))
code = '''
    def f():
        return 1

    print(f())
'''
print(textwrap.dedent(code))
print(repr(textwrap.dedent('  a\n    b\n \n  c')))
print(textwrap.indent('one\ntwo\n\nthree', '> '))
print(textwrap.wrap('', width=10), textwrap.wrap('   ', width=10), textwrap.wrap('a\tb\nc', width=5))
