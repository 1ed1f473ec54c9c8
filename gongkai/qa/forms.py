from django import forms
from django.utils.translation import gettext_lazy as _

from gongkai.core.versioning import VersionedForm
from gongkai.lexicon.models import TermScope
from gongkai.policies.models import PolicyDocument
from gongkai.publishing.models import PublicationStatus
from gongkai.qa.models import ANSWER_MAX, QUESTION_MAX, SOURCES_MAX, QaTopic
from gongkai.qa.services.entries import EntryData, split_alternatives


class AskForm(forms.Form):
    question = forms.CharField(label=_("您的问题"), max_length=QUESTION_MAX, strip=True,
                               widget=forms.TextInput(attrs={
                                   "placeholder": _("用自己的话提问，例如：生娃有哪些补贴？"),
                                   "autocomplete": "off"}))


class RateForm(forms.Form):
    log = forms.IntegerField(min_value=1)
    entry = forms.IntegerField(min_value=1)
    useful = forms.TypedChoiceField(choices=[("1", "1"), ("0", "0")], coerce=lambda v: v == "1")


class EntryForm(VersionedForm):
    question = forms.CharField(label=_("问题"), max_length=QUESTION_MAX)
    alternatives = forms.CharField(label=_("其他问法"), required=False,
                                   widget=forms.Textarea(attrs={"rows": 4}),
                                   help_text=_("每行一个。"))
    answer = forms.CharField(label=_("答复"), max_length=ANSWER_MAX,
                             widget=forms.Textarea(attrs={"rows": 8}))
    topic = forms.ChoiceField(label=_("主题"), choices=QaTopic.choices)
    documents = forms.ModelMultipleChoiceField(
        label=_("政策依据文件"), required=False,
        queryset=PolicyDocument.objects.filter(publication_status=PublicationStatus.PUBLISHED))
    sources = forms.CharField(label=_("其他依据"), required=False, max_length=SOURCES_MAX,
                              widget=forms.Textarea(attrs={"rows": 3}),
                              help_text=_("未收入政策文件库的依据，每行一条。"))

    def entry_data(self) -> EntryData:
        data = self.cleaned_data
        return EntryData(question=data["question"], answer=data["answer"], topic=data["topic"],
                         alternatives=split_alternatives(data["alternatives"]),
                         sources=data["sources"], documents=list(data["documents"]))


class ImportForm(forms.Form):
    file = forms.FileField(label=_("Excel 文件（.xlsx）"))


class LearnSynonymForm(forms.Form):
    """From a queued question: the word it used, and the library's word for it."""

    variant = forms.CharField(label=_("提问中的说法"), max_length=30)
    canonical = forms.CharField(label=_("问答库中的规范说法"), max_length=30)
    # Q&A only by default: the word comes from a question, and what staff see next is
    # that question asked again — never a search. A word that helps the Q&A may lead a
    # search away from the document it named (as words written for the search did to
    # the Q&A); the office widens the group on the lexicon page once tried there too.
    scope = forms.ChoiceField(label=_("适用范围"), choices=TermScope.choices,
                              initial=TermScope.QA, required=False,
                              help_text=_("新建词组时使用；加入已有词组时沿用该词组的适用范围。"
                                          "默认只用于政策问答：添加后会重新测试这个问题，"
                                          "但不会测试政策检索。"))


class ThresholdForm(forms.Form):
    answer_threshold = forms.FloatField(label=_("直接答复阈值"), min_value=0.01, max_value=1)
    suggest_threshold = forms.FloatField(label=_("推荐问题阈值"), min_value=0.01, max_value=1)


class TestForm(forms.Form):
    question = forms.CharField(label=_("测试问题"), max_length=QUESTION_MAX)
