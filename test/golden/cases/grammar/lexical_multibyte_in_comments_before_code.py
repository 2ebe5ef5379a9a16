x = 1  # 注释 with 中文
y = x  # ✓ done
# 😀 emoji comment
z = "ok"
