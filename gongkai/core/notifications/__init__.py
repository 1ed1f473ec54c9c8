"""In-platform notifications: the one service that writes them (``services``), the
bell and the inbox (``selectors``, ``views``), the reminder registry every app feeds
(``reminders``) and the opt-in mail digest (``digest``)."""
