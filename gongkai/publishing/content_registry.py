"""How each kind of publishable content is shown on the review page.

Apps register a template (and optionally extra context) under "app_label.model_name";
content without a registration is shown through its ``scan_sources()``.
"""
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType


@dataclass(frozen=True)
class ContentView:
    template: str
    label: str = ""
    context: Callable[[object], dict] | None = None


_REGISTRY: dict[str, ContentView] = {
    "policies.policydocument": ContentView("publishing/content/policy_document.html",
                                           "政策文件"),
    "publishing.catalogitem": ContentView("publishing/content/catalog_item.html",
                                          "主动公开目录事项"),
}
DEFAULT = ContentView("publishing/content/default.html")


def register(key: str, view: ContentView) -> None:
    _REGISTRY[key] = view


def view_for(obj) -> ContentView:
    meta = ContentType.objects.get_for_model(obj)
    return _REGISTRY.get(f"{meta.app_label}.{meta.model}", DEFAULT)


def render_context(obj) -> dict:
    view = view_for(obj)
    extra = view.context(obj) if view.context else {}
    return {"content_template": view.template, "content_label": view.label or str(
        obj._meta.verbose_name), **extra}


# How a reviewer's mask is written into content: by default the model's own
# ``replace_in_source(source, old, new)``; an app whose writing needs its services
# (which import the model) registers a function in its ``AppConfig.ready`` instead.
_REPLACERS: dict[type, Callable[..., None]] = {}


def register_replacer(model: type, replace: Callable[..., None]) -> None:
    """``replace(obj, source, old, new)`` writes ``new`` for ``old`` in one source."""
    _REPLACERS[model] = replace


def replace_in_source(obj, source: str, old: str, new: str) -> None:
    replace = _REPLACERS.get(type(obj))
    if replace is None:
        obj.replace_in_source(source, old, new)
    else:
        replace(obj, source, old, new)
