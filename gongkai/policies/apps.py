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
