s = "hello
