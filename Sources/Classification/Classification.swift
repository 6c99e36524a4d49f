// Classification — see DECISIONS.md
