"""The importer's role words, in one table: which word gives which role, and where.

What makes a word a role word: a plan uses it to say how a unit takes part in a task —
leads (牵头), coordinates (协调), carries out (落实), helps (配合) — and it says so
wherever it stands: after names in a units cell ("区财政局牵头"), in a label before them
("牵头单位：区财政局"), in a column header ("牵头单位"). A word that names a duty rather
than a way of taking part (责任, 主责) is a role word only standing alone before 单位,
部门 …: in a label or a header. In running text it is a noun ("落实主体责任") and is
not read as a role. Pure data; ``units`` and ``headers`` read it.
"""
LEAD, COORDINATE, IMPLEMENT, COOPERATE = "lead", "coordinate", "implement", "cooperate"

# word: (role, read in the running text of a units cell). Labels and headers read all.
ROLE_WORD_TABLE: dict[str, tuple[str, bool]] = {
    "牵头": (LEAD, True),
    "主办": (LEAD, True),
    "主责": (LEAD, False),
    "协调": (COORDINATE, True),
    "统筹": (COORDINATE, True),
    "落实": (IMPLEMENT, True),
    "负责": (IMPLEMENT, True),
    "实施": (IMPLEMENT, True),
    "承办": (IMPLEMENT, True),
    "责任": (IMPLEMENT, False),
    "配合": (COOPERATE, True),
    "会办": (COOPERATE, True),
    "协办": (COOPERATE, True),
    "参与": (COOPERATE, True),
    "协同": (COOPERATE, True),
}
# Role words read in running text ("区财政局牵头，各街镇配合").
TEXT_ROLE_WORDS = {word: role for word, (role, in_text) in ROLE_WORD_TABLE.items() if in_text}
# Role words read in a label ("责任单位：") or a column header ("主责部门"): every one.
LABEL_ROLE_WORDS = {word: role for word, (role, _in_text) in ROLE_WORD_TABLE.items()}
