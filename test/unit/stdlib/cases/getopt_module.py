import getopt
print(getopt.getopt(['-a', '-b', 'val', '-cfoo', 'x', 'y'], 'ab:c:'))
print(getopt.getopt(['--verbose', '--out=file.txt', '--lev', '3', 'rest'], 'v', ['verbose', 'out=', 'level=']))
print(getopt.gnu_getopt(['file1', '-a', 'file2', '--', '-b'], 'ab'))
for args, s, l in [(['-x'], 'a', []), (['-a'], 'a:', []), (['--nope'], '', ['yes']), (['--out'], '', ['out=']), (['--v=1'], '', ['verbose']), (['--ve'], '', ['verbose', 'version'])]:
    try:
        getopt.getopt(args, s, l)
    except getopt.GetoptError as e:
        print('GetoptError', e, repr(e.opt))
