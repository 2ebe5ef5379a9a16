user = {"name": "小明", "age": 18}
print(f"姓名：{user['name']}，年龄：{user['age']}")
print(f"{', '.join(str(i) for i in range(3))}")
print(f"{len(user):03d}")
