import pytest


@pytest.fixture(autouse=True)
def _seeded_lexicon(db):
    """The tests run without migrations: load the lexicon's seed as its migration does."""
    from gongkai.lexicon.data.seed import load_seed
    from gongkai.lexicon.models import LexiconVersion, TermGroup

    load_seed(TermGroup, LexiconVersion)
