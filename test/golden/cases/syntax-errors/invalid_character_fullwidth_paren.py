print（"你好"）
