match event:
    case events.Click(position=(x, y), button=Button.LEFT):
        pass
    case events.KeyPress(key_name="Q") | events.Quit():
        pass
    case str() | bytes():
        pass
