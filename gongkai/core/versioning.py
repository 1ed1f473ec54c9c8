"""Lost updates, refused: every record people edit through a form carries a ``version``.

The form sends back the version it was opened at (``VersionedForm``'s hidden field); the
service claims the row with one conditional UPDATE (``version = version + 1 WHERE
version = <opened at>``) inside its transaction before writing. If someone saved in
between, nothing is written and ``StaleEdit`` carries the current row, so the page shows
both versions side by side and keeps everything the person typed; the re-shown form
carries the new version, so saving again (after reading the other person's changes) is
a deliberate choice. Changes to *different* fields are refused too: merging them could
combine two texts neither person wrote.

Writers that are not forms (imports, the demo) pass no version; they still bump it, so
a form opened before them is refused.
"""
from dataclasses import dataclass

from django import forms
from django.db import models
from django.db.models import F
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gongkai.core.errors import ApplicationError


def version_field() -> models.PositiveIntegerField:
    return models.PositiveIntegerField(gettext_lazy("版本"), default=1, editable=False)


class StaleEdit(ApplicationError):
    """Someone saved the record after this form was opened."""

    def __init__(self, *, current: models.Model, opened: int):
        self.current, self.opened = current, opened
        super().__init__(_(
            "在您编辑期间，其他人已保存了这条记录（您打开的是第 %(opened)s 版，现在是第 "
            "%(now)s 版），您的修改尚未保存。您填写的内容都保留在下面；请对照两个版本，"
            "确认后再次保存（将以您的内容为准）。") % {"opened": opened,
                                               "now": current.version})


def claim_version(obj: models.Model, opened: int | None) -> None:
    """Inside the caller's transaction: move ``obj``'s row to the next version if it is
    still at ``opened`` (None: whatever it is), else raise ``StaleEdit``. ``obj.version``
    is updated so a later ``save()`` keeps the new number."""
    rows = type(obj)._default_manager.filter(pk=obj.pk)
    if opened is not None:
        rows = rows.filter(version=opened)
    if not rows.update(version=F("version") + 1):
        current = type(obj)._default_manager.get(pk=obj.pk)
        raise StaleEdit(current=current, opened=opened)
    obj.version = type(obj)._default_manager.values_list("version", flat=True).get(pk=obj.pk)


def _version_form_field() -> forms.IntegerField:
    # Bounded: a forged huge or negative number is a form error, not a server error.
    return forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0,
                              max_value=2**31 - 1)


class _OpenedVersion:
    """The version is taken out of ``cleaned_data`` (which views pass on to services as
    the record's values) and kept for ``opened_version()``."""

    def clean(self):
        data = super().clean()
        self._opened = data.pop("version", None)
        return data

    def opened_version(self) -> int | None:
        return getattr(self, "_opened", None)


class VersionedForm(_OpenedVersion, forms.Form):
    """Adds the hidden ``version`` the record was opened at (set it in ``initial``)."""

    version = _version_form_field()


class VersionedModelForm(_OpenedVersion, forms.ModelForm):
    """The same for model forms: the version is taken from the instance."""

    version = _version_form_field()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.initial.setdefault("version", self.instance.version)


@dataclass
class ConflictRow:
    label: str
    theirs: str
    yours: str


def _shown(obj, name: str, value) -> str:
    field = obj._meta.get_field(name) if name in {f.name for f in obj._meta.fields} else None
    if field is not None and field.choices:
        value = dict(field.flatchoices).get(value, value)
    if isinstance(value, list | tuple):
        value = "\n".join(str(v) for v in value)
    if hasattr(value, "all") and callable(value.all):  # a related manager
        value = "、".join(str(v) for v in value.all())
    if value in (None, ""):
        return "—"
    return str(value).strip()


def show_conflict(form: forms.Form, error: StaleEdit, *, fields=None) -> None:
    """Prepare ``form`` (bound to what the person posted) to show the conflict: the
    message, a ``conflict`` list of the fields that differ, and the current version in
    its hidden field so the next save is judged against what was shown."""
    current = error.current
    rows = []
    for name in fields or [n for n in form.fields if n != "version"]:
        if not hasattr(current, name) or name not in form.fields:
            continue
        theirs = getattr(current, name)
        yours = form.cleaned_data.get(name) if hasattr(form, "cleaned_data") else None
        if yours is None:
            yours = form.data.get(form.add_prefix(name), "")
        if _shown(current, name, theirs) != _shown(current, name, yours):
            rows.append(ConflictRow(label=str(form.fields[name].label or name),
                                    theirs=_shown(current, name, theirs),
                                    yours=_shown(current, name, yours)))
    form.conflict = rows
    data = form.data.copy()
    data[form.add_prefix("version")] = str(current.version)
    form.data = data
    form.add_error(None, error.message)
