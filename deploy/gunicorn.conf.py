"""gunicorn settings for a web node: ``gunicorn -c deploy/gunicorn.conf.py config.wsgi``.

The systemd unit and the CI smoke test both start gunicorn with this file. Values come
from the environment (the same file /etc/gongkai/gongkai.env the platform reads).
"""
import multiprocessing
import os

# Behind nginx on the same machine: loopback only. GONGKAI_BIND takes several addresses
# separated by spaces, e.g. "127.0.0.1:8000 [::1]:8000", or "[::]:8000" for every address.
bind = os.environ.get("GONGKAI_BIND", "127.0.0.1:8000").split()
workers = int(os.environ.get("GONGKAI_WEB_WORKERS", multiprocessing.cpu_count() * 2 + 1))
timeout = int(os.environ.get("GONGKAI_WEB_TIMEOUT", "120"))
graceful_timeout = 30
max_requests = 2000  # a worker is replaced now and then, so slow leaks never pile up
max_requests_jitter = 200
forwarded_allow_ips = os.environ.get("GONGKAI_TRUSTED_PROXIES", "127.0.0.1,::1")
accesslog = "-"
# key=value, one request a line; the time is local (TZ=Asia/Shanghai in the unit file).
access_log_format = ('time=%(t)s remote=%(h)s forwarded="%({x-forwarded-for}i)s" '
                     'method=%(m)s path="%(U)s" status=%(s)s bytes=%(B)s ms=%(M)s')
errorlog = "-"


def post_worker_init(worker):
    """Load what the search and the Q&A load once a process before the worker serves
    (``gongkai.core.warm``)."""
    from gongkai.core.warm import warm_worker

    warm_worker()
