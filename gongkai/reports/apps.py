from django.apps import AppConfig


class ReportsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "gongkai.reports"
    verbose_name = "统计考核与年度报告"

    def ready(self) -> None:
        from gongkai.publishing.content_registry import ContentView, register
        from gongkai.reports import receivers  # noqa: F401  (connects the signal)

        register("reports.annualreport", ContentView(
            "reports/content/annual_report.html", "政府信息公开工作年度报告"))
