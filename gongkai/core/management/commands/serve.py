"""Start the platform: the web server and the huey consumer, as one process tree.

When either child dies the other is stopped and ``serve`` exits with a non-zero status,
so a service manager (systemd ``Restart=on-failure``) starts the pair again; a stop asked
for (SIGTERM, Ctrl-C) exits 0.
"""
import os
import signal
import subprocess
import sys
import time

from django.conf import settings
from django.core.management.base import BaseCommand


def bind_address(host: str, port: int) -> str:
    """gunicorn's form: IPv6 addresses in brackets (``[::]:8000`` listens on IPv6 and,
    unless the kernel says bindv6only, on IPv4 as well)."""
    return f"[{host.strip('[]')}]:{port}" if ":" in host else f"{host}:{port}"


class Command(BaseCommand):
    help = "启动平台：网页服务（gunicorn）和后台任务（huey）。"

    def add_arguments(self, parser):
        parser.add_argument("--host", default="0.0.0.0")  # noqa: S104 - a server listens
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--workers", type=int, default=2)
        parser.add_argument("--no-huey", action="store_true",
                            help="只启动网页服务（后台任务由其他节点运行）")

    def handle(self, *args, host, port, workers, no_huey, **options):
        # Children log in the platform's time zone (gunicorn's access log uses local time).
        env = {**os.environ, "TZ": settings.TIME_ZONE}
        python = sys.executable
        children = [] if no_huey else [
            subprocess.Popen([python, "manage.py", "run_huey", "--quiet"], env=env)]
        children.append(subprocess.Popen([
            python, "-m", "gunicorn", "config.wsgi:application",
            # (The web nodes' file, for its hooks and limits; what follows overrides.)
            "--config", str(settings.BASE_DIR / "deploy" / "gunicorn.conf.py"),
            "--bind", bind_address(host, port), "--workers", str(workers),
            "--timeout", "120", "--access-logfile", "-", "--access-logformat",
            'time=%(t)s remote=%(h)s method=%(m)s path="%(U)s" status=%(s)s '
            'bytes=%(B)s ms=%(M)s agent="%(a)s"',
        ], env=env))
        self.stdout.write(f"gongkai: http://{bind_address(host, port)}/  (Ctrl-C 停止)")
        asked = []

        def stop(*_):
            asked.append(True)
            _terminate(children)

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        try:
            while not asked and all(child.poll() is None for child in children):
                time.sleep(0.5)
        finally:
            dead = [c for c in children if c.poll() is not None]
            _terminate(children)
        if asked:
            return
        code = next((c.returncode for c in dead if c.returncode and c.returncode > 0), 1)
        self.stderr.write(f"gongkai: 子进程 {' '.join(dead[0].args[1:3])} 已退出，全部停止。")
        sys.exit(code)


def _terminate(children: list[subprocess.Popen]) -> None:
    for child in children:
        if child.poll() is None:
            child.terminate()
    for child in children:
        try:
            child.wait(timeout=15)
        except subprocess.TimeoutExpired:
            child.kill()
