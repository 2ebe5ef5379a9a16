import difflib
s = difflib.SequenceMatcher(None, 'abxcd', 'abcd')
print(s.ratio(), s.quick_ratio(), s.real_quick_ratio(), s.get_matching_blocks(), s.get_opcodes())
print(s.find_longest_match(0, 5, 0, 4))
print(difflib.get_close_matches('appel', ['ape', 'apple', 'peach', 'puppy']))
print(difflib.get_close_matches('wheel', ['while', 'wheat', 'whale', 'where'], n=2, cutoff=0.5))
a = ['one\n', 'two\n', 'three\n', 'four\n', 'five\n', 'six\n', 'seven\n', 'eight\n', 'nine\n', 'ten\n']
b = ['zero\n', 'one\n', 'tree\n', 'four\n', 'five\n', 'six\n', 'seven\n', 'eight\n', 'nine\n', 'ten\n', 'eleven\n']
print(''.join(difflib.unified_diff(a, b, fromfile='before.py', tofile='after.py')))
print(''.join(difflib.context_diff(a, b, fromfile='a', tofile='b', n=1)))
print(list(difflib.unified_diff('abc'.split(), 'abd'.split(), lineterm='')))
s2 = difflib.SequenceMatcher(lambda x: x == ' ', 'private Thread currentThread;', 'private volatile Thread currentThread;')
print(round(s2.ratio(), 3), list(s2.get_grouped_opcodes(1)))
long_a = 'ab' * 150
long_b = 'ab' * 140 + 'cd' * 10
print(difflib.SequenceMatcher(None, long_a, long_b).ratio(), difflib.SequenceMatcher(None, long_a, long_b, autojunk=False).ratio())
