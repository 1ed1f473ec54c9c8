"""The production switch, settings read from the environment, install and the demo."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from django.core.management import CommandError, call_command

from gongkai.orgs.models import Role, Unit, User

ROOT = Path(__file__).resolve().parents[3]
KEY = "k3Y-" + "x7Qp9Lm2Zr8Vt4Wn6Bc1Hd5Jf0Gs3Ay" * 2


def manage(*args: str, env: dict, tmp_path: Path) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items()
             if not k.startswith(("DJANGO_", "GONGKAI_", "EMAIL_", "DEFAULT_FROM"))}
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, capture_output=True, text=True,
        env={**clean, "GONGKAI_VAR_DIR": str(tmp_path), **env}, timeout=120)


def test_production_switch_passes_the_deploy_check(tmp_path):
    env = {"GONGKAI_PRODUCTION": "1", "DJANGO_SECRET_KEY": KEY,
           "DJANGO_ALLOWED_HOSTS": "gongkai.example.gov.cn"}
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=env, tmp_path=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr


def test_without_the_switch_the_deploy_check_fails(tmp_path):
    env = {"DJANGO_SECRET_KEY": KEY, "DJANGO_ALLOWED_HOSTS": "gongkai.example.gov.cn"}
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=env, tmp_path=tmp_path)
    assert result.returncode != 0
    for check in ("security.W004", "security.W008", "security.W012"):  # HSTS, SSL, cookie
        assert check in result.stderr + result.stdout


@pytest.mark.parametrize("missing", ["DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS"])
def test_production_refuses_to_start_without_key_or_hosts(tmp_path, missing):
    env = {"GONGKAI_PRODUCTION": "1", "DJANGO_SECRET_KEY": KEY,
           "DJANGO_ALLOWED_HOSTS": "gongkai.example.gov.cn"}
    del env[missing]
    result = manage("check", env=env, tmp_path=tmp_path)
    assert result.returncode != 0
    assert missing in result.stderr
    assert not (tmp_path / "secret_key").exists()  # no key invented behind the operator


def test_mail_and_security_settings_come_from_the_environment(tmp_path):
    env = {"EMAIL_HOST": "smtp.example.gov.cn", "EMAIL_PORT": "465",
           "EMAIL_HOST_USER": "gongkai", "EMAIL_HOST_PASSWORD": "pw", "EMAIL_USE_SSL": "1",
           "DEFAULT_FROM_EMAIL": "公开办 <gk@example.gov.cn>", "GONGKAI_RUN_PERIODIC": "0",
           "GONGKAI_PRODUCTION": "1", "DJANGO_SECRET_KEY": KEY,
           "DJANGO_ALLOWED_HOSTS": "a.example", "DJANGO_SECURE_HSTS_SECONDS": "600"}
    names = ["EMAIL_BACKEND", "EMAIL_HOST", "EMAIL_PORT", "EMAIL_HOST_USER",
             "EMAIL_HOST_PASSWORD", "EMAIL_USE_SSL", "EMAIL_USE_TLS", "DEFAULT_FROM_EMAIL",
             "SECURE_HSTS_SECONDS", "SECURE_SSL_REDIRECT", "SESSION_COOKIE_SECURE",
             "SECURE_PROXY_SSL_HEADER", "ALLOWED_HOSTS"]
    code = ("import json; from django.conf import settings as s; print(json.dumps("
            f"{{n: getattr(s, n) for n in {names!r}}} | {{'periodic': s.HUEY['consumer']"
            "['periodic'], 'utc': s.HUEY['utc']}))")
    result = manage("shell", "-c", code, env=env, tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout.strip().splitlines()[-1])
    assert values == {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "smtp.example.gov.cn", "EMAIL_PORT": 465, "EMAIL_HOST_USER": "gongkai",
        "EMAIL_HOST_PASSWORD": "pw", "EMAIL_USE_SSL": True, "EMAIL_USE_TLS": False,
        "DEFAULT_FROM_EMAIL": "公开办 <gk@example.gov.cn>", "SECURE_HSTS_SECONDS": 600,
        "SECURE_SSL_REDIRECT": True, "SESSION_COOKIE_SECURE": True,
        "SECURE_PROXY_SSL_HEADER": ["HTTP_X_FORWARDED_PROTO", "https"],
        "ALLOWED_HOSTS": ["a.example"], "periodic": False, "utc": False,
    }


@pytest.mark.django_db
def test_load_demo_refused_in_production(settings):
    settings.PRODUCTION = True
    with pytest.raises(CommandError, match="GONGKAI_PRODUCTION"):
        call_command("load_demo")
    assert not User.objects.exists()
    assert not Unit.objects.exists()


@pytest.mark.django_db
def test_install_creates_the_office_and_its_administrator_only(monkeypatch, capsys):
    monkeypatch.setenv("GONGKAI_ADMIN_USERNAME", "gkb_admin")
    monkeypatch.setenv("GONGKAI_ADMIN_PASSWORD", "Zhengwu-Gongkai-2026!")
    call_command("install", "--noinput", "--skip-static")
    admin = User.objects.get()
    assert admin.username == "gkb_admin" and admin.role == Role.OFFICE_ADMIN
    assert admin.unit.is_office and admin.unit.name == "区政务公开办"
    assert admin.check_password("Zhengwu-Gongkai-2026!")
    assert Unit.objects.count() == 1  # no demo registry
    call_command("install", "--noinput", "--skip-static")  # again: nothing duplicated
    assert User.objects.count() == 1 and Unit.objects.count() == 1
    assert "已有政务公开办管理员" in capsys.readouterr().out


@pytest.mark.django_db
def test_install_without_an_administrator_says_what_to_set(monkeypatch):
    monkeypatch.delenv("GONGKAI_ADMIN_USERNAME", raising=False)
    monkeypatch.delenv("GONGKAI_ADMIN_PASSWORD", raising=False)
    with pytest.raises(CommandError, match="GONGKAI_ADMIN_PASSWORD"):
        call_command("install", "--noinput", "--skip-static")
    assert not User.objects.exists()


@pytest.mark.django_db
def test_install_refuses_a_weak_password_in_chinese(monkeypatch):
    monkeypatch.setenv("GONGKAI_ADMIN_USERNAME", "gkb_admin")
    monkeypatch.setenv("GONGKAI_ADMIN_PASSWORD", "12345678")
    with pytest.raises(CommandError, match="密码"):
        call_command("install", "--noinput", "--skip-static")
    assert not User.objects.exists()
