exec "code" in globals()
