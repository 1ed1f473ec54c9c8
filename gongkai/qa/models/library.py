"""The policy Q&A library (政策问答库, plan tasks 31–33).

Units maintain entries (a question, other ways of asking it, the answer and what it rests
on); an entry answers the public only once the publishing review has passed it. The
public's questions are logged without personal data; a question nothing answers is
queued for a unit, and the entry written for it links back. The thresholds of the
answering are data the office tunes; the words people use for the library's words are in
``gongkai.lexicon``.
"""
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gongkai.core.versioning import version_field
from gongkai.orgs.models import Unit
from gongkai.publishing.models import Publishable

QUESTION_MAX = 200
ANSWER_MAX = 5000
ALTERNATIVES_MAX = 20
SOURCES_MAX = 2000


class QaTopic(models.TextChoices):
    BIRTH = "birth", _("生育")
    SCHOOL = "school", _("上学")
    EMPLOYMENT = "employment", _("就业")
    STARTUP = "startup", _("创业")
    ELDERLY = "elderly", _("养老")
    MEDICAL = "medical", _("医疗")
    TAX = "tax", _("纳税")
    EPIDEMIC = "epidemic", _("疫情防控")
    SOCIAL_INSURANCE = "social_insurance", _("社保")
    HOUSING = "housing", _("住房")
    OTHER = "other", _("其他")


class QaEntry(Publishable):
    """One question of the library with its answer. Published through the review."""

    version = version_field()
    question = models.CharField(_("问题"), max_length=QUESTION_MAX)
    alternatives = models.JSONField(_("其他问法"), default=list, blank=True,
                                    help_text=_("同一问题的其他常见问法，每行一个。"))
    answer = models.TextField(_("答复"), max_length=ANSWER_MAX)
    topic = models.CharField(_("主题"), max_length=20, choices=QaTopic.choices,
                             default=QaTopic.OTHER, db_index=True)
    documents = models.ManyToManyField("policies.PolicyDocument", blank=True,
                                       related_name="qa_entries",
                                       verbose_name=_("政策依据文件"))
    sources = models.TextField(_("其他依据"), max_length=SOURCES_MAX, blank=True,
                               help_text=_("未收入政策文件库的依据，每行一条。"))

    class Meta:
        verbose_name = _("政策问答")
        verbose_name_plural = _("政策问答")
        ordering = ["topic", "id"]
        constraints = [
            models.CheckConstraint(condition=~Q(question=""), name="qa_entry_has_question"),
            models.CheckConstraint(condition=~Q(answer=""), name="qa_entry_has_answer"),
        ]

    def __str__(self) -> str:
        return self.question

    def source_lines(self) -> list[str]:
        return [line.strip() for line in self.sources.splitlines() if line.strip()]

    # The Publishable contract read by gongkai.publishing.services.scan.
    SCANNED_FIELDS = ("question", "answer", "sources")

    def scan_sources(self) -> list[tuple[str, str]]:
        fields = [(name, getattr(self, name)) for name in self.SCANNED_FIELDS]
        return [*fields, ("alternatives", "\n".join(self.alternatives or []))]

    def replace_in_source(self, source: str, old: str, new: str) -> None:
        """Replace every ``old`` in the field ``source`` by ``new`` and save it."""
        if not old:
            raise ValueError("nothing to replace")
        if source == "alternatives":
            self.alternatives = [a.replace(old, new) for a in self.alternatives or []]
        elif source in self.SCANNED_FIELDS:
            setattr(self, source, getattr(self, source).replace(old, new))
        else:
            raise ValueError(f"not a scanned field of a Q&A entry: {source!r}")
        self.save(update_fields=[source, "updated_at"])


class QaSettings(models.Model):
    """The one row (pk 1) of tuning data: the confidences that separate an answer, a
    suggestion and a question nothing answers (calibrated on the bench's dev set)."""

    answer_threshold = models.FloatField(
        _("直接答复阈值"), default=0.8,
        help_text=_("置信度不低于此值时，直接给出问答库中的答复原文。"))
    suggest_threshold = models.FloatField(
        _("推荐问题阈值"), default=0.26,
        help_text=_("置信度低于此值时视为没有相近问题，转入待答复问题。"))

    class Meta:
        verbose_name = _("问答设置")
        verbose_name_plural = _("问答设置")
        constraints = [
            models.CheckConstraint(
                condition=Q(suggest_threshold__gt=0, suggest_threshold__lte=models.F(
                    "answer_threshold"), answer_threshold__lte=1),
                name="qa_thresholds_ordered"),
        ]

    def __str__(self) -> str:
        return f"{self.answer_threshold}/{self.suggest_threshold}"


class Outcome(models.TextChoices):
    ANSWERED = "answered", _("直接答复")
    SUGGESTED = "suggested", _("推荐相近问题")
    UNANSWERED = "unanswered", _("未能答复")
    # Greetings, the weather, jokes: logged, answered with a pointer to what the
    # library covers, and never queued for a unit.
    OUT_OF_SCOPE = "out_of_scope", _("非政务问题")


class QuestionLog(models.Model):
    """One question asked on the public site. No personal data: the normalised text,
    what it matched and how well; never who asked or from where."""

    text = models.CharField(_("问题（规范化）"), max_length=QUESTION_MAX, db_index=True)
    entry = models.ForeignKey(QaEntry, null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="logs", verbose_name=_("最佳匹配"))
    confidence = models.FloatField(_("置信度"), default=0)
    outcome = models.CharField(_("结果"), max_length=20, choices=Outcome.choices)
    asked_at = models.DateTimeField(_("提问时间"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("提问记录")
        verbose_name_plural = _("提问记录")
        ordering = ["-asked_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(confidence__gte=0, confidence__lte=1),
                                   name="qa_log_confidence_0_1"),
        ]

    def __str__(self) -> str:
        return self.text


class Rating(models.Model):
    """Whether an answer shown for a question helped. One rating per shown answer."""

    log = models.ForeignKey(QuestionLog, on_delete=models.CASCADE, related_name="ratings")
    entry = models.ForeignKey(QaEntry, on_delete=models.CASCADE, related_name="ratings")
    useful = models.BooleanField(_("有用"))
    rated_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("答复评价")
        verbose_name_plural = _("答复评价")
        constraints = [
            models.UniqueConstraint(fields=["log", "entry"], name="qa_rate_once"),
        ]

    def __str__(self) -> str:
        return f"{self.entry_id} {'有用' if self.useful else '没用'}"


class PendingStatus(models.TextChoices):
    OPEN = "open", _("待答复")
    ANSWERED = "answered", _("已编写答复")
    DISMISSED = "dismissed", _("不予答复")


class PendingQuestion(models.Model):
    """A question nothing in the library answered: the queue from which it grows.
    Asked again before it is answered, it is counted rather than queued twice."""

    text = models.CharField(_("问题"), max_length=QUESTION_MAX)
    key = models.CharField(max_length=QUESTION_MAX, editable=False,
                           help_text="normalised text: repeats of one question share it")
    times_asked = models.PositiveIntegerField(_("提问次数"), default=1)
    unit = models.ForeignKey(Unit, null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="+", verbose_name=_("承办单位"))
    status = models.CharField(_("状态"), max_length=20, choices=PendingStatus.choices,
                              default=PendingStatus.OPEN, db_index=True)
    entry = models.ForeignKey(QaEntry, null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="pending_questions", verbose_name=_("答复条目"))
    reason = models.CharField(_("说明"), max_length=500, blank=True)
    first_asked_at = models.DateTimeField(_("首次提问"), auto_now_add=True)
    last_asked_at = models.DateTimeField(_("最近提问"), auto_now_add=True)

    class Meta:
        verbose_name = _("待答复问题")
        verbose_name_plural = _("待答复问题")
        ordering = ["-times_asked", "-last_asked_at"]
        constraints = [
            models.UniqueConstraint(fields=["key"], condition=Q(status="open"),
                                    name="qa_one_open_pending_per_question"),
            models.CheckConstraint(condition=~Q(status="answered") | Q(entry__isnull=False),
                                   name="qa_answered_pending_has_entry"),
        ]

    def __str__(self) -> str:
        return self.text
