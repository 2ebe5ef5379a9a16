import copy

original = [[1, 2], {'k': [3, 4]}, (5, [6])]
shallow = copy.copy(original)
deep = copy.deepcopy(original)
shallow[0].append('s')
deep[1]['k'].append('d')
print(original)
print(shallow)
print(deep)
print(shallow[0] is original[0], deep[0] is original[0], deep[2] is original[2])

t = (1, 2, 'x')
print(copy.deepcopy(t) is t, copy.copy(t) is t)

class Node:
    def __init__(self, value):
        self.value = value
        self.children = []

root = Node(1)
root.children.append(Node(2))
root.children.append(root)
clone = copy.deepcopy(root)
print(clone is root, clone.value, clone.children[0].value, clone.children[1] is clone)
shallow_node = copy.copy(root)
print(shallow_node.children is root.children)

class Custom:
    def __init__(self, v):
        self.v = v
    def __copy__(self):
        print('__copy__ called')
        return Custom(self.v)
    def __deepcopy__(self, memo):
        print('__deepcopy__ called')
        return Custom(copy.deepcopy(self.v, memo))

c = Custom([1])
print(copy.copy(c).v, copy.deepcopy(c).v)
shared = [1]
pair = [shared, shared]
dup = copy.deepcopy(pair)
print(dup[0] is dup[1], dup[0] is shared)
print(copy.copy({1, 2}), copy.deepcopy({'a': {1: 2}}))
