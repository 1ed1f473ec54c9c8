#!/usr/bin/env bash
# Smoke test of the production stack, on loopback only: PostgreSQL, Redis, an
# S3-compatible object store (moto's server), gunicorn and the huey consumer started from
# deploy/, nginx running deploy/nginx/gongkai.conf with TLS on 127.0.0.1 and ::1.
# Everything it starts is stopped at the end, also on failure (trap).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
PY=$ROOT/.venv/bin/python
export PATH="${PG_BIN:-/usr/lib/postgresql/15/bin}:$PATH:/usr/sbin"
P=${SMOKE_PORT_BASE:-18100}
WEB=$((P + 1)) PG_PORT=$((P + 33)) REDIS_PORT=$((P + 79)) S3_PORT=$((P + 50))
LINK_PORT=$((P + 60)) HTTPS_PORT=$((P + 43)) HTTP_PORT=$((P + 80))
WORK=$(mktemp -d /tmp/gongkai-smoke.XXXXXX)
PG_DIR=/tmp/gongkai-smoke-pg-$PG_PORT
PIDS=()
PASSED=0
# Loopback only: no proxy from the environment may carry this traffic elsewhere.
export NO_PROXY="127.0.0.1,localhost,::1" no_proxy="127.0.0.1,localhost,::1"

cleanup() {
    local status=$?
    local reversed=()  # the last started first: nginx, the consumer, gunicorn, then Redis
    for pid in "${PIDS[@]}"; do reversed=("$pid" "${reversed[@]}"); done
    for pid in "${reversed[@]}"; do
        kill "$pid" 2>/dev/null || true
        for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    done
    for pid in "${PIDS[@]}"; do
        for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
        kill -9 "$pid" 2>/dev/null || true
    done
    tests/ci/pg.sh stop "$PG_DIR" || true
    if [ "$status" -ne 0 ]; then
        echo "smoke: FAILED ($status); the end of each log:"
        for log in "$WORK"/*.log; do echo "== $log"; tail -n 25 "$log"; done
    fi
    rm -rf "$WORK"
    exit "$status"
}
trap cleanup EXIT INT TERM
pass() { PASSED=$((PASSED + 1)); echo "ok   $*"; }
start() {  # start NAME COMMAND...: in the background, logged, stopped by the trap
    local name=$1; shift
    "$@" >"$WORK/$name.log" 2>&1 &
    PIDS+=($!)
}
wait_for() {  # wait_for WHAT COMMAND...: up to 60 s
    local what=$1; shift
    for _ in $(seq 120); do "$@" >/dev/null 2>&1 && return 0; sleep 0.5; done
    echo "FAIL $what did not come up"; return 1
}
manage() { "$PY" manage.py "$@"; }

# --- services -------------------------------------------------------------------------
tests/ci/pg.sh start "$PG_DIR" "$PG_PORT"
createdb -h 127.0.0.1 -p "$PG_PORT" -U gongkai gongkai_restore
start redis redis-server --port "$REDIS_PORT" --bind 127.0.0.1 ::1 --save "" \
    --appendonly no --dir "$WORK"
start s3 "$ROOT/.venv/bin/moto_server" -H 127.0.0.1 -p "$S3_PORT"
mkdir -p "$WORK/site"
echo '<html><head><title>烟雾测试页面</title></head><body>ok</body></html>' \
    >"$WORK/site/index.html"
start linksite "$PY" -m http.server "$LINK_PORT" --bind 127.0.0.1 --directory "$WORK/site"
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=localhost \
    -addext "subjectAltName=DNS:localhost,IP:127.0.0.1,IP:::1" \
    -keyout "$WORK/tls.key" -out "$WORK/tls.crt" 2>/dev/null
wait_for redis redis-cli -p "$REDIS_PORT" ping
wait_for "s3 server" curl -sf --noproxy "*" "http://127.0.0.1:$S3_PORT/"

# --- the production configuration ------------------------------------------------------
export GONGKAI_PRODUCTION=1 TZ=Asia/Shanghai
DJANGO_SECRET_KEY=$("$PY" -c 'import secrets; print(secrets.token_urlsafe(50))')
export DJANGO_SECRET_KEY DJANGO_ALLOWED_HOSTS="localhost,127.0.0.1,[::1]"
export DATABASE_URL="postgres://gongkai@127.0.0.1:$PG_PORT/gongkai"
export REDIS_URL="redis://127.0.0.1:$REDIS_PORT/0"
export GONGKAI_S3_BUCKET=gongkai GONGKAI_S3_ENDPOINT_URL="http://127.0.0.1:$S3_PORT"
export GONGKAI_S3_ACCESS_KEY_ID=smoke GONGKAI_S3_SECRET_ACCESS_KEY=smoke-secret
export GONGKAI_S3_REGION=us-east-1
export GONGKAI_VAR_DIR="$WORK/var" GONGKAI_TRUSTED_PROXIES="127.0.0.1,::1"
export GONGKAI_BIND="127.0.0.1:$WEB" GONGKAI_WEB_WORKERS=${SMOKE_WEB_WORKERS:-4}
export GONGKAI_ADMIN_USERNAME=gkb_admin
GONGKAI_ADMIN_PASSWORD=$("$PY" -c 'import secrets; print(secrets.token_urlsafe(12))')
SMOKE_PASSWORD=$("$PY" -c 'import secrets; print(secrets.token_urlsafe(12))')
export GONGKAI_ADMIN_PASSWORD SMOKE_PASSWORD SMOKE_LINK_URL="http://127.0.0.1:$LINK_PORT/"
s3() {  # s3 make|list BUCKET
    "$PY" - "$@" <<'PY'
import os, sys, boto3
client = boto3.client("s3", endpoint_url=os.environ["GONGKAI_S3_ENDPOINT_URL"],
                      aws_access_key_id="smoke", aws_secret_access_key="smoke-secret",
                      region_name="us-east-1")
action, bucket = sys.argv[1:3]
if action == "make":
    client.create_bucket(Bucket=bucket)
else:
    pages = client.get_paginator("list_objects_v2").paginate(Bucket=bucket)
    for key in sorted(o["Key"] for page in pages for o in page.get("Contents", [])):
        print(key)
PY
}
s3 make gongkai
s3 make gongkai-restore

manage install --noinput
manage check --deploy --fail-level WARNING
pass "install without demo data; check --deploy passes with GONGKAI_PRODUCTION=1"
if manage load_demo >"$WORK/load_demo.log" 2>&1; then echo "FAIL load_demo ran"; exit 1; fi
pass "load_demo refused"
manage shell -c "exec(open('tests/smoke/seed.py').read())" | tail -n 1 >"$WORK/seed.json"
FILE_NAME=$("$PY" -c "import json,sys; print(json.load(open(sys.argv[1]))['file_name'])" \
    "$WORK/seed.json")
s3 list gongkai | grep -qxF "$FILE_NAME"
[ ! -e "$WORK/var/media/$FILE_NAME" ]
pass "evidence file written to the object store ($FILE_NAME), not to local disk"

# --- the stack -----------------------------------------------------------------------
sed -e "s|server 127.0.0.1:8000;|server 127.0.0.1:$WEB;|" \
    -e "s|listen 80;|listen 127.0.0.1:$HTTP_PORT;|" \
    -e "s|listen \[::\]:80;|listen [::1]:$HTTP_PORT;|" \
    -e "s|listen 443 ssl http2;|listen 127.0.0.1:$HTTPS_PORT ssl http2;|" \
    -e "s|listen \[::\]:443 ssl http2;|listen [::1]:$HTTPS_PORT ssl http2;|" \
    -e "s|/etc/ssl/gongkai/fullchain.pem|$WORK/tls.crt|" \
    -e "s|/etc/ssl/gongkai/privkey.pem|$WORK/tls.key|" \
    -e "s|/srv/gongkai/staticfiles/|$ROOT/staticfiles/|" \
    -e "s|gongkai_tls:10m|smoke_tls_$P:1m|" \
    deploy/nginx/gongkai.conf >"$WORK/site.conf"
mkdir -p "$WORK/nginx"
cat >"$WORK/nginx.conf" <<CONF
$( [ "$(id -u)" = 0 ] && echo "user root;" )
worker_processes 2;
daemon off;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log warn;
events { worker_connections 1024; }
http {
    include /etc/nginx/mime.types;
    access_log $WORK/nginx-access.log;
    client_body_temp_path $WORK/nginx/body;
    proxy_temp_path $WORK/nginx/proxy;
    fastcgi_temp_path $WORK/nginx/fastcgi;
    uwsgi_temp_path $WORK/nginx/uwsgi;
    scgi_temp_path $WORK/nginx/scgi;
    include $WORK/site.conf;
}
CONF
nginx -t -c "$WORK/nginx.conf" -e "$WORK/nginx-error.log" 2>"$WORK/nginx-test.log"
start gunicorn "$ROOT/.venv/bin/gunicorn" -c deploy/gunicorn.conf.py config.wsgi:application
start huey "$PY" manage.py run_huey
start nginx nginx -c "$WORK/nginx.conf" -e "$WORK/nginx-error.log"
wait_for "nginx and gunicorn" curl -sf --noproxy "*" --cacert "$WORK/tls.crt" "https://127.0.0.1:$HTTPS_PORT/healthz"

CLIENT=("$PY" tests/smoke/client.py --base "https://127.0.0.1:$HTTPS_PORT"
        --base6 "https://[::1]:$HTTPS_PORT" --plain "http://127.0.0.1:$HTTP_PORT"
        --plain6 "http://[::1]:$HTTP_PORT" --ca "$WORK/tls.crt" --seed "$WORK/seed.json"
        --password "$SMOKE_PASSWORD")
"${CLIENT[@]}" stack
pass "IPv4 and IPv6 through nginx: TLS, HSTS, gzip, healthz, static"
"${CLIENT[@]}" files
pass "files in the object store served through the permission check"

# --- a link check through Redis: queued here, done by the huey consumer ----------------
LINK_ID=$("$PY" -c "import json,sys; print(json.load(open(sys.argv[1]))['link_id'])" \
    "$WORK/seed.json")
manage shell -c "from gongkai.plans.tasks import check_evidence_link as c; c($LINK_ID)"
checked() {
    manage shell -c "
from gongkai.plans.models import Evidence
e = Evidence.objects.get(pk=$LINK_ID)
assert e.checked_at is not None
print(f'status={e.http_status} title={e.page_title!r} error={e.check_error!r} '
      f'snapshot={e.snapshot.name!r}')" 2>/dev/null | tail -n 1
}
wait_for "the link check by the huey consumer" checked
pass "link check queued in Redis and done by the consumer: $(checked)"

# --- rate limits per client behind nginx ---------------------------------------------
if [ "${SMOKE_RATELIMIT:-}" = 1 ] || manage shell -c "from django.conf import settings as s; assert hasattr(s, 'GONGKAI_TRUSTED_PROXIES')" 2>/dev/null; then
    "${CLIENT[@]}" ratelimit
    pass "separate rate-limit buckets behind nginx"
else
    echo "SKIP rate-limit buckets: GONGKAI_TRUSTED_PROXIES is not built on this branch"
fi

# --- backup of the running installation, restore onto an empty one -------------------
manage backup "$WORK/backup.tar.gz"
(
    export DATABASE_URL="postgres://gongkai@127.0.0.1:$PG_PORT/gongkai_restore"
    export GONGKAI_S3_BUCKET=gongkai-restore GONGKAI_VAR_DIR="$WORK/var-restored"
    manage migrate --noinput -v 0
    manage restore "$WORK/backup.tar.gz"
)
diff <(s3 list gongkai) <(s3 list gongkai-restore)
pass "backup (pg_dump, object store, key) restored onto an empty installation: same rows and files"

# --- load ----------------------------------------------------------------------------
"${CLIENT[@]}" load --visitors "${SMOKE_VISITORS:-200}" --seconds "${SMOKE_SECONDS:-30}"
pass "load without errors"
grep -q '"time": "[0-9T:.-]*+08:00"' "$WORK/huey.log"
pass "JSON log lines in Beijing time from the consumer"
curl -sf --noproxy "*" --cacert "$WORK/tls.crt" "https://[::1]:$HTTPS_PORT/healthz" >/dev/null
echo "smoke: $PASSED passed, 0 failed"
