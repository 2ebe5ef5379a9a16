def outer():
    import json
    def inner():
        return json.dumps({})
    return inner
