"""Start the platform: the web server and the huey consumer, as one process tree."""
import signal
import subprocess
import sys
import time

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "启动平台：网页服务（gunicorn）和后台任务（huey）。"

    def add_arguments(self, parser):
        parser.add_argument("--host", default="0.0.0.0")  # noqa: S104 - a server listens
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--workers", type=int, default=2)

    def handle(self, *args, host, port, workers, **options):
        python = sys.executable
        children = [
            subprocess.Popen([python, "manage.py", "run_huey", "--workers", "2", "--quiet"]),
            subprocess.Popen([
                python, "-m", "gunicorn", "config.wsgi:application",
                "--bind", f"{host}:{port}", "--workers", str(workers),
                "--access-logfile", "-", "--timeout", "120",
            ]),
        ]
        self.stdout.write(f"gongkai: http://127.0.0.1:{port}/  (Ctrl-C 停止)")

        def stop(*_):
            for child in children:
                if child.poll() is None:
                    child.terminate()

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        try:
            while all(child.poll() is None for child in children):
                time.sleep(0.5)
        finally:
            stop()
            for child in children:
                child.wait(timeout=15)
