f"{'inner'}"
f'{"inner"}'
f"{d['key']}"
f'{d["key"]}'
f"""{'a' + "b"}"""
f'''{"x"!r}'''
