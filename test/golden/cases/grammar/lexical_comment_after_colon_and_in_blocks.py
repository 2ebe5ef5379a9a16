class C:  # comment
    # first
    def m(self):  # comment
        pass  # pass
    # last comment in class
# dedent comment
x = 1
