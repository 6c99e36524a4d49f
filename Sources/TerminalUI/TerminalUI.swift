// TerminalUI — see DECISIONS.md
