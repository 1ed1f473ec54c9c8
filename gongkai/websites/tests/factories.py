"""Factories of the register (factory_boy)."""
import factory
from factory.django import DjangoModelFactory

from gongkai.orgs.tests.factories import UnitFactory
from gongkai.websites.models import (
    AccountStatus,
    Column,
    ColumnKind,
    NewMediaAccount,
    Platform,
    SiteStatus,
    Website,
)


class WebsiteFactory(DjangoModelFactory):
    class Meta:
        model = Website

    unit = factory.SubFactory(UnitFactory)
    name = factory.Sequence(lambda n: f"测试局网站{n + 1}")
    url = factory.Sequence(lambda n: f"https://site{n + 1}.example.gov.cn/")
    status = SiteStatus.RUNNING


class ColumnFactory(DjangoModelFactory):
    class Meta:
        model = Column

    website = factory.SubFactory(WebsiteFactory)
    name = factory.Sequence(lambda n: f"工作动态{n + 1}")
    url = factory.LazyAttribute(lambda c: c.website.url + "news/index.html")
    kind = ColumnKind.NEWS


class AccountFactory(DjangoModelFactory):
    class Meta:
        model = NewMediaAccount

    unit = factory.SubFactory(UnitFactory)
    platform = Platform.WECHAT
    name = factory.Sequence(lambda n: f"测试发布{n + 1}")
    account_id = factory.Sequence(lambda n: f"gh_{n + 1:08d}")
    certified_owner = factory.LazyAttribute(lambda a: a.unit.name)
    responsible = "张三"
    status = AccountStatus.RUNNING
