"""The database's own refusal to delete audit events, for whoever goes round the code
(a shell, a script, a careless query). Installed by migration core 0003; tests install it
with ``install_delete_guard`` since they run without migrations."""

SQLITE = [
    "DROP TRIGGER IF EXISTS core_auditevent_no_delete",
    "CREATE TRIGGER core_auditevent_no_delete BEFORE DELETE ON core_auditevent "
    "BEGIN SELECT RAISE(ABORT, 'audit events are never deleted'); END",
]
POSTGRESQL = [
    "CREATE OR REPLACE FUNCTION core_auditevent_no_delete() RETURNS trigger "
    "LANGUAGE plpgsql AS $$ BEGIN "
    "RAISE EXCEPTION 'audit events are never deleted' USING ERRCODE = 'restrict_violation'; "
    "END $$",
    "DROP TRIGGER IF EXISTS core_auditevent_no_delete ON core_auditevent",
    "CREATE TRIGGER core_auditevent_no_delete BEFORE DELETE ON core_auditevent "
    "FOR EACH ROW EXECUTE FUNCTION core_auditevent_no_delete()",
]
DROP = {
    "sqlite": ["DROP TRIGGER IF EXISTS core_auditevent_no_delete"],
    "postgresql": ["DROP TRIGGER IF EXISTS core_auditevent_no_delete ON core_auditevent",
                   "DROP FUNCTION IF EXISTS core_auditevent_no_delete()"],
}


def install_delete_guard(connection) -> bool:
    statements = {"sqlite": SQLITE, "postgresql": POSTGRESQL}.get(connection.vendor)
    if statements is None:
        return False
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)
    return True


def remove_delete_guard(connection) -> None:
    with connection.cursor() as cursor:
        for statement in DROP.get(connection.vendor, []):
            cursor.execute(statement)
