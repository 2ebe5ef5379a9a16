x = f "hello"
