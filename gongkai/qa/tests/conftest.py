import pytest


@pytest.fixture(autouse=True)
def _seeded_lexicon(db):
    """The tests run without migrations: load the lexicon's seed as its migration does."""
    from gongkai.lexicon.data.seed import load_seed
    from gongkai.lexicon.models import LexiconVersion, TermGroup

    load_seed(TermGroup, LexiconVersion)


@pytest.fixture
def general_thesaurus(monkeypatch):
    """Replaces the process's general thesaurus by one of the groups given (for this
    test only): ``general_thesaurus([["赋闲", "失业"]])``."""
    from gongkai.lexicon import thesaurus as module

    def use(groups):
        words = module.Thesaurus(groups)
        monkeypatch.setattr(module, "_loaded", [words])
        return words

    return use
