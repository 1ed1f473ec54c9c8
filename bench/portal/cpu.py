"""CPU time of one request inside the process, through the WSGI handler (no socket, no
gunicorn): ``cpu.py hello|platform N`` prints JSON, µs per request by path (hello world
under "hello"). Process time, not wall time, so other work on the machine hardly moves
it; bench/portal/run.py prints it beside the wrk figures."""
import io
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.chdir(ROOT)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")


def call(application, path: str) -> None:
    path_info, _, query = path.partition("?")
    environ = {"REQUEST_METHOD": "GET", "PATH_INFO": path_info, "QUERY_STRING": query,
               "SERVER_NAME": "127.0.0.1", "SERVER_PORT": "80", "HTTP_HOST": "127.0.0.1",
               "SERVER_PROTOCOL": "HTTP/1.1", "wsgi.input": io.BytesIO(),
               "wsgi.url_scheme": "http", "wsgi.errors": sys.stderr}
    status = []
    body = b"".join(application(environ, lambda s, headers: status.append(s)))
    if not status[0].startswith("200") or not body:
        raise SystemExit(f"{path}: {status[0]}")


def per_request(application, path: str, count: int) -> float:
    for _ in range(20):  # warm: imports, the page cache
        call(application, path)
    start = time.process_time()
    for _ in range(count):
        call(application, path)
    return (time.process_time() - start) / count * 1e6


def main() -> None:
    side, count = sys.argv[1], int(sys.argv[2])
    if side == "hello":
        from bench.portal.hello import application

        figures = {"hello": per_request(application, "/", count)}
    else:
        from bench.portal.run import PAGES
        from config.wsgi import application

        figures = {path: per_request(application, path, count) for _, path, _ in PAGES}
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
