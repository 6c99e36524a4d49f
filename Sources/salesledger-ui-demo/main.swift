import TerminalUI
print("ui demo: not yet built")
