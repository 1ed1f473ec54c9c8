"""Answering without any outside service, from an index held in the database.

``text`` cuts questions and entries into words and pinyin bigrams; ``features`` says
what the index keeps of an entry; ``store`` writes it (one entry at a time, or all);
``query`` reads a question into groups of words (lexicon, same-sound corrections,
clause weights); ``search`` answers it; ``scope`` recognises what is not a question for the
library; ``explain`` shows staff why an entry matched.
"""
