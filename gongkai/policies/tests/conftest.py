import pytest


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Attachments written by the tests go to a temporary folder."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _fresh_word_counts():
    """Each test starts without the search's cached word counts of an earlier test's
    documents (a running site keeps them for minutes; a test's library is new)."""
    from gongkai.policies.search import abbrev, compiled, words

    for cache in (words, abbrev, compiled):
        cache.forget()
    yield
    for cache in (words, abbrev, compiled):
        cache.forget()
