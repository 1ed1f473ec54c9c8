"""Files in an S3-compatible object store (moto in-process): written through the storage
API, downloaded only through the permission-checked view, never from local disk."""
import json

import boto3
import pytest
from moto import mock_aws

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from gongkai.core.tests.test_production import manage
from gongkai.orgs.tests.factories import UserFactory
from gongkai.plans.models import EvidenceKind
from gongkai.plans.tests.factories import EvidenceFactory, ReportFactory

BUCKET = "gongkai-test"


def test_the_bucket_setting_selects_the_object_store(tmp_path):
    env = {"GONGKAI_S3_BUCKET": "files", "GONGKAI_S3_ENDPOINT_URL": "http://127.0.0.1:9",
           "GONGKAI_S3_ACCESS_KEY_ID": "id", "GONGKAI_S3_SECRET_ACCESS_KEY": "secret"}
    code = ("import json; from django.conf import settings as s; "
            "print(json.dumps(s.STORAGES['default']))")
    result = manage("shell", "-c", code, env=env, tmp_path=tmp_path)
    default = json.loads(result.stdout.strip().splitlines()[-1])
    assert default["BACKEND"] == "storages.backends.s3.S3Storage"
    assert default["OPTIONS"]["bucket_name"] == "files"
    assert default["OPTIONS"]["endpoint_url"] == "http://127.0.0.1:9"
    assert default["OPTIONS"]["default_acl"] == "private"
    assert default["OPTIONS"]["file_overwrite"] is False
    result = manage("shell", "-c", code, env={}, tmp_path=tmp_path)
    assert "FileSystemStorage" in result.stdout  # local disk stays the default


@pytest.fixture
def object_store(settings, monkeypatch, tmp_path):
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"):
        monkeypatch.setenv(name, "testing")
    with mock_aws():
        boto3.client("s3", region_name="us-east-1").create_bucket(Bucket=BUCKET)
        settings.MEDIA_ROOT = tmp_path / "media"
        settings.STORAGES = {**settings.STORAGES, "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {"bucket_name": BUCKET, "region_name": "us-east-1",
                        "default_acl": "private", "file_overwrite": False}}}
        yield boto3.client("s3", region_name="us-east-1")


@pytest.mark.django_db
def test_evidence_files_live_in_the_bucket_and_reach_only_their_unit(object_store, client_for,
                                                                    settings):
    staff, outsider = UserFactory(), UserFactory()
    evidence = EvidenceFactory(report=ReportFactory(assignment__unit=staff.unit),
                               kind=EvidenceKind.FILE, url="", original_name="报告.pdf",
                               file=ContentFile(b"%PDF-1.4 s3", name="report.pdf"),
                               mime_type="application/pdf")
    keys = [o["Key"] for o in object_store.list_objects_v2(Bucket=BUCKET)["Contents"]]
    assert keys == [evidence.file.name]
    assert not settings.MEDIA_ROOT.exists()  # nothing on local disk
    url = f"/plans/evidence/{evidence.pk}/download/"
    response = client_for(staff).get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 s3"
    assert client_for(outsider).get(url).status_code == 404
    assert default_storage.url(evidence.file.name).count("Expires=") == 1  # signed, short


@pytest.mark.django_db
def test_a_file_missing_from_the_bucket_is_a_404(object_store, client_for):
    staff = UserFactory()
    evidence = EvidenceFactory(report=ReportFactory(assignment__unit=staff.unit),
                               kind=EvidenceKind.FILE, url="", original_name="a.pdf",
                               file=ContentFile(b"%PDF-1.4", name="a.pdf"))
    object_store.delete_object(Bucket=BUCKET, Key=evidence.file.name)
    assert client_for(staff).get(f"/plans/evidence/{evidence.pk}/download/").status_code == 404
