// TerminalUINcurses — see DECISIONS.md
