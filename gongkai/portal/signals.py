"""Any change to what the public site shows starts a new page-cache generation.

A signal rather than a call in each service: the public pages draw on models of five
apps (documents, their publication records, consultations, meetings, messages, Q&A
entries, unit names), and a forgotten call would leave a stale page up for minutes.
Saves of other models (users signing in, audit events, plans) leave the cache alone."""
from django.db.models.signals import post_delete, post_save

from gongkai.portal.pagecache import new_generation

PUBLIC_APPS = {"policies", "participation", "qa", "publishing"}
PUBLIC_MODELS = {("orgs", "unit")}


def _changed(sender, **kwargs) -> None:
    meta = sender._meta
    if meta.app_label in PUBLIC_APPS or (meta.app_label, meta.model_name) in PUBLIC_MODELS:
        new_generation()


def connect() -> None:
    post_save.connect(_changed, dispatch_uid="portal.pagecache.save")
    post_delete.connect(_changed, dispatch_uid="portal.pagecache.delete")
