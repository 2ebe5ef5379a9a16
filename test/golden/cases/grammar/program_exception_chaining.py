def parse(text):
    try:
        return int(text)
    except ValueError as exc:
        raise RuntimeError("bad input") from exc


try:
    parse("abc")
except RuntimeError as err:
    print(repr(err), repr(err.__cause__))
finally:
    print("done")
