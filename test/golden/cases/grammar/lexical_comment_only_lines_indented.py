def f():
    x = 1
        # over-indented comment is fine
# dedented comment is fine
  # odd comment
    return x
