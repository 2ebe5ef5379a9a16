f"{x:=10}" if False else f"{y := 1}"
