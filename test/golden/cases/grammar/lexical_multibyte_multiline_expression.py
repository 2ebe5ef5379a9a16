data = {
    "中文键": "值",  "second": [
        "一", "二",
    ],
}
print("结果：", data["中文键"], data["second"][0])
