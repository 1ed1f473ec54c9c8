"""Demo data of public participation, one loader per part (idempotent: safe to run
twice). ``manage.py load_demo`` calls each loader."""


# ---------------------------------------------------------------------------------
# Leader messages (领导留言, task 21)
# ---------------------------------------------------------------------------------

def load_messages_demo() -> int:
    """Mailboxes, topics and messages in every state, some overdue; returns how many
    messages were created (see ``gongkai.participation.demo_messages``)."""
    from gongkai.participation.demo_messages import load_messages_demo as load

    return load()
