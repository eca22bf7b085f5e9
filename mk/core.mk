# core
# core/: workflow rules (roster import, scheduling, status moves, …).
