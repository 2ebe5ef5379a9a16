def f(data):
    if any((hit := x) > 3 for x in data):
        return hit
