"""The register as Excel (.xlsx): export for the office's files, import to move an
existing register in. Import is all or nothing: a sheet with any bad row changes
nothing and every bad row is named with its number."""
import datetime as dt
import io

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from gongkai.core.errors import ApplicationError
from gongkai.core.text import name_key
from gongkai.core.uploads import EXCEL, check_upload
from gongkai.orgs.selectors import unit_name_index
from gongkai.websites.models import AccountStatus as A
from gongkai.websites.models import NewMediaAccount, Platform, Website
from gongkai.websites.models import SiteStatus as S
from gongkai.websites.services.register import (
    ACCOUNT_FIELDS,
    SITE_FIELDS,
    account_register,
    account_update,
    website_register,
    website_update,
)

MAX_ROWS = 5000
YES, NO = "是", "否"


def _label(model, name: str) -> str:
    return str(model._meta.get_field(name).verbose_name)


def _cell(entry, name: str):
    value = getattr(entry, name)
    if isinstance(value, bool):
        return YES if value else NO
    if name == "platform":
        return entry.get_platform_display()
    if hasattr(value, "pk"):
        return str(value)
    return value if value is not None else ""


def register_workbook(websites, accounts) -> bytes:
    """Two sheets, 政府网站 and 政务新媒体, headed with the register's field names."""
    book = Workbook()
    for sheet, model, fields, entries in [
        (book.active, Website, SITE_FIELDS, websites),
        (book.create_sheet(), NewMediaAccount, ACCOUNT_FIELDS, accounts),
    ]:
        sheet.title = str(model._meta.verbose_name_plural)
        sheet.append([_label(model, f) for f in fields] + [_("状态")])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for entry in entries:
            sheet.append([_cell(entry, f) for f in fields] + [entry.get_status_display()])
        for column in sheet.columns:
            sheet.column_dimensions[column[0].column_letter].width = 18
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _value(model, name: str, raw, units, row: int):
    text = "" if raw is None else str(raw).strip()
    field = model._meta.get_field(name)
    if name == "unit":
        unit = units.get(name_key(text)) if text else None
        if unit is None:
            raise ValueError(_("第%(row)s行：找不到单位“%(name)s”。") % {"row": row, "name": text})
        return unit
    if name == "platform":
        by_label = {str(label): value for value, label in Platform.choices}
        if text not in by_label:
            raise ValueError(_("第%(row)s行：平台“%(name)s”无法识别。") % {"row": row, "name": text})
        return by_label[text]
    if field.get_internal_type() == "BooleanField":
        return text == YES
    if field.get_internal_type() == "DateField":
        if isinstance(raw, dt.datetime | dt.date):
            return raw.date() if isinstance(raw, dt.datetime) else raw
        try:
            return dt.date.fromisoformat(text) if text else None
        except ValueError:
            raise ValueError(_("第%(row)s行：日期“%(v)s”格式应为 2026-01-31。")
                             % {"row": row, "v": text}) from None
    return text


def _rows(sheet, model, fields, units) -> tuple[list[dict], list[str]]:
    rows, errors = [], []
    header = [str(c or "").strip() for c in next(sheet.iter_rows(max_row=1, values_only=True),
                                                   [])]
    index = {label: header.index(label) for label in
             (_label(model, f) for f in fields) if label in header}
    missing = [_label(model, f) for f in fields if _label(model, f) not in index]
    if missing:
        return [], [_("“%(sheet)s”缺少列：%(cols)s") % {"sheet": sheet.title,
                                                    "cols": "、".join(missing)}]
    for number, values in enumerate(sheet.iter_rows(min_row=2, values_only=True), start=2):
        if number > MAX_ROWS + 1:
            errors.append(_("行数超过 %(n)s 行。") % {"n": MAX_ROWS})
            break
        if not any(v not in (None, "") for v in values):
            continue
        try:
            row = {f: _value(model, f, values[index[_label(model, f)]]
                             if index[_label(model, f)] < len(values) else None,
                             units, number) for f in fields}
            _validate(model, row, number)
        except ValueError as error:
            errors.append(str(error))
        else:
            rows.append(row | {"_row": number})
    return rows, errors


def _validate(model, row: dict, number: int) -> None:
    """Every field's own checks (URL shape, lengths), so all bad rows are named at once."""
    try:
        model(**row).full_clean(validate_unique=False, validate_constraints=False)
    except ValidationError as error:
        text = "；".join(f"{_label(model, name) if name in row else ''}{'：' if name in row else ''}"
                        f"{'，'.join(messages)}" for name, messages in error.message_dict.items())
        raise ValueError(_("第%(row)s行：%(why)s") % {"row": number, "why": text}) from None


@transaction.atomic
def register_import(*, file, actor) -> dict[str, int]:
    """Read the sheets of ``register_workbook``; new entries come in as running (they
    exist already), known ones (by 网址, by 平台 + 账号ID) are updated."""
    check_upload(file, allowed={EXCEL}, max_bytes=settings.GONGKAI_MAX_IMPORT_BYTES)
    try:
        book = load_workbook(file, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise ApplicationError(_("无法读取该 Excel 文件，文件可能已损坏。")) from exc
    units = unit_name_index()
    sheets = {s.title: s for s in book.worksheets}
    site_rows, account_rows, errors = [], [], []
    for model, fields, target in [(Website, SITE_FIELDS, site_rows),
                                  (NewMediaAccount, ACCOUNT_FIELDS, account_rows)]:
        sheet = sheets.get(str(model._meta.verbose_name_plural))
        if sheet is not None:
            rows, problems = _rows(sheet, model, fields, units)
            target.extend(rows)
            errors.extend(problems)
    book.close()
    if not site_rows and not account_rows and not errors:
        errors.append(_("没有找到“政府网站”或“政务新媒体账号”工作表中的数据。"))
    if errors:
        raise ApplicationError("\n".join(errors[:50]))
    counts = {"created": 0, "updated": 0}
    for row in site_rows:
        _apply(row, Website.objects.filter(url=row["url"]).first(), actor, counts, site=True)
    for row in account_rows:
        existing = NewMediaAccount.objects.filter(platform=row["platform"],
                                                  account_id=row["account_id"]).first()
        _apply(row, existing, actor, counts, site=False)
    return counts


def _apply(row: dict, existing, actor, counts: dict, *, site: bool) -> None:
    number = row.pop("_row")
    try:
        if existing is None:
            (website_register(actor=actor, status=S.RUNNING, **row) if site
             else account_register(actor=actor, status=A.RUNNING, **row))
            counts["created"] += 1
        else:
            (website_update(website=existing, actor=actor, **row) if site
             else account_update(account=existing, actor=actor, **row))
            counts["updated"] += 1
    except (ValidationError, ApplicationError) as error:
        messages = getattr(error, "messages", None) or [str(error)]
        raise ApplicationError(_("第%(row)s行：%(why)s") % {
            "row": number, "why": "；".join(messages)}) from error
