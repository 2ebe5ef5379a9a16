@register(f"{name}.handler")
def f(a: f"{T}") -> f"ret":
    pass
