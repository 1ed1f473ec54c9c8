"""Background jobs of public participation. The reply-deadline reminders of leader
messages and the notices of closed consultations run in the one reminder loop
(``gongkai.core.tasks``) from the sources in ``gongkai.participation.reminders``."""
