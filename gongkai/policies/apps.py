from django.apps import AppConfig
from django.db.models.signals import post_delete, post_migrate
from django.utils.translation import gettext_lazy as _


class PoliciesConfig(AppConfig):
    name = "gongkai.policies"
    verbose_name = _("政策文件库")

    def ready(self) -> None:
        from gongkai.policies import receivers, search

        # The FTS5 table / tsvector index cannot be a model: created after every migrate
        # (and after the test database is built with --nomigrations).
        post_migrate.connect(search.post_migrate_handler, sender=self,
                             dispatch_uid="policies_search_schema")
        post_delete.connect(receivers.document_deleted, sender="policies.PolicyDocument",
                            dispatch_uid="policies_search_unindex")
        self._register_masking()

    def _register_masking(self) -> None:
        """Masking a document rewrites its body and search index: a service of this
        app, registered with publishing here rather than imported by the model."""
        from gongkai.policies.models import PolicyDocument
        from gongkai.policies.services.masking import document_replace_in_source
        from gongkai.publishing.content_registry import register_replacer

        register_replacer(PolicyDocument, lambda obj, source, old, new:
                          document_replace_in_source(document=obj, source=source,
                                                     old=old, new=new))
