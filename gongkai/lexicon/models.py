"""The synonym and colloquial lexicon: groups of words that mean the same thing to a
person asking (廉租房 ≈ 公共租赁住房, 爱人 = 配偶, 薪水 = 工资, 娃 = 孩子). The office edits
it in the UI; the Q&A answering and the policy search expand queries with it. Entries
and documents are never rewritten: a change here is live at the next query, with no
index to rebuild."""
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

TERM_MAX = 30
VARIANTS_MAX = 40
NOTE_MAX = 200


class TermKind(models.TextChoices):
    """How the variants relate to the canonical term. Synonyms and abbreviations go
    both ways (a query in either form finds text in either form); a colloquial word or
    a common misspelling only leads to the canonical term: text that says 公共租赁住房
    is found by 廉租房, but a query for 孩子 is not widened to 崽."""

    SYNONYM = "synonym", _("同义词")
    ABBREVIATION = "abbreviation", _("简称")
    COLLOQUIAL = "colloquial", _("口语说法")
    TYPO = "typo", _("常见错别字")


# How much a match through the lexicon counts against a match of the word typed: a
# synonym is nearly but not quite the word itself. Rules as data, read by the selector.
KIND_WEIGHTS = {
    TermKind.SYNONYM: 0.85,
    TermKind.ABBREVIATION: 1.0,
    TermKind.COLLOQUIAL: 0.9,
    TermKind.TYPO: 1.0,
}
BOTH_WAYS = frozenset({TermKind.SYNONYM, TermKind.ABBREVIATION})


class TermScope(models.TextChoices):
    """Which of the two readers of the lexicon a group serves. A group written for the
    policy search's documents (one way, everyday word → the documents' term) may lead a
    question away from the entry that answers it, and a group written for the Q&A's
    entries may do the same to a search: each can be held for the side it helps."""

    BOTH = "both", _("问答和检索")
    SEARCH = "search", _("仅政策检索")
    QA = "qa", _("仅政策问答")


class Reader(models.TextChoices):
    """The two readers of the lexicon: each reads the groups of its scope and those of
    both (``READS``)."""

    SEARCH = "search", _("政策检索")
    QA = "qa", _("政策问答")


# The scopes each reader reads: rules as data, read by ``selectors.lexicon_build``.
READS = {
    Reader.SEARCH: (TermScope.BOTH, TermScope.SEARCH),
    Reader.QA: (TermScope.BOTH, TermScope.QA),
}


class TermGroup(models.Model):
    """One canonical term and the other words people use for it, and which readers
    of the lexicon use it (``scope``)."""

    canonical = models.CharField(_("规范说法"), max_length=TERM_MAX, unique=True)
    variants = models.JSONField(_("其他说法"), default=list,
                                help_text=_("口语、别称、简称或常见错别字，每行一个。"))
    kind = models.CharField(_("类型"), max_length=20, choices=TermKind.choices,
                            default=TermKind.SYNONYM)
    scope = models.CharField(_("适用范围"), max_length=10, choices=TermScope.choices,
                             default=TermScope.BOTH,
                             help_text=_("该词组用于政策问答、政策检索，或两者都用。"))
    note = models.CharField(_("备注"), max_length=NOTE_MAX, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+",
                                   verbose_name=_("最后修改人"))

    class Meta:
        verbose_name = _("同义词组")
        verbose_name_plural = _("同义词组")
        ordering = ["canonical"]
        constraints = [
            models.CheckConstraint(condition=~Q(canonical=""), name="lexicon_has_canonical"),
            models.CheckConstraint(condition=Q(scope__in=TermScope.values),
                                   name="lexicon_scope_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.canonical} ≈ {'、'.join(self.variants or [])}"


class LexiconVersion(models.Model):
    """The one row (pk 1) whose stamp every process compares with the lexicon it has
    cached. A random stamp rather than a counter: a restored database or a rolled-back
    test can never bring back a stamp a cache was built at."""

    stamp = models.PositiveBigIntegerField(default=0)

    class Meta:
        verbose_name = _("词库版本")
        verbose_name_plural = _("词库版本")

    def __str__(self) -> str:
        return str(self.stamp)
