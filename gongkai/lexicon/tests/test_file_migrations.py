"""The migrations that load a lexicon file by the rules of 0003 — 0004 (``situations.txt``:
what residents say happened to them, for the name of the service), 0005
(``daily.txt``: what residents call things in daily life, for the word the services
use), 0006 (``dialects.txt``: the dialects' everyday words) and 0007 (``usage.txt``:
the words of Taiwan, Hong Kong and Macao, everyday phrases after 0006), 0008
(``told.txt``: what residents say happened to them, after 0007), 0009 (``spoken.txt``:
how residents tell their situation, area by area of the services) and 0012
(``areas.txt``: how residents put each subject of the Q&A library) and 0013 (``verbs.txt``:
the spoken verb phrases for the written verb) — one table, the same checks for each: what it adds, what it leaves alone, that
it can be undone, that its lines keep the kind of the group they extend, and that the
words it brings find answers."""
import importlib
from collections.abc import Callable
from dataclasses import dataclass

import pytest

from django.apps import apps as django_apps

from gongkai.lexicon.data.seed import (
    areas_groups,
    daily_groups,
    dialects_groups,
    everyday_groups,
    load_areas,
    load_daily,
    load_dialects,
    load_everyday,
    load_situations,
    load_spoken,
    load_told,
    load_usage,
    load_verbs,
    seed_groups,
    situations_groups,
    spoken_groups,
    told_groups,
    unload_everyday,
    unload_later,
    usage_groups,
    verbs_groups,
)
from gongkai.lexicon.models import LexiconVersion, TermGroup
from gongkai.lexicon.selectors import expand_tokens
from gongkai.lexicon.services import term_group_delete, term_variant_add
from gongkai.policies.search.lexicon_seed import load_search_lexicon, search_groups

pytestmark = pytest.mark.django_db


@dataclass(frozen=True)
class FileMigration:
    """One migration, the file it loads, and the words each check looks at."""

    module: str
    lines: Callable[[], list]  # the file's groups
    least_lines: int
    new: tuple[str, str]  # (variant, canonical) of a group it adds
    extended: tuple[tuple[str, str], ...]  # (variant, canonical) of groups it extends
    kept_kind: tuple[str, str]  # (canonical, kind) of an extended group
    edited: tuple[str, str, str]  # (canonical, the office's variant, the file's variant)
    deleted: str  # a group the office deleted
    undone: tuple[str, str]  # (canonical, the office's variant added after it)
    expansions: tuple[tuple[str, str], ...]  # (typed, meant) it brings
    # The entry an everyday question finds only through it, two others, the question.
    entry: tuple[str, str]
    others: tuple[tuple[str, str], ...]
    question: str

    @property
    def migration(self):
        return importlib.import_module(f"gongkai.lexicon.migrations.{self.module}")

    @property
    def earlier(self) -> tuple[Callable[[], list], ...]:
        """The groups of the files loaded before it: the seed's, the policy search's, the
        everyday words' and the later files' up to it."""
        return (seed_groups, search_groups, everyday_groups,
                *(lines for lines, _load in LOAD_ORDER[:self._place]))

    @property
    def before(self) -> tuple[Callable, ...]:
        """What loads the site before it (after the seed)."""
        return (load_search_lexicon, load_everyday,
                *(load for _lines, load in LOAD_ORDER[:self._place]))

    @property
    def _place(self) -> int:
        return [lines for lines, _load in LOAD_ORDER].index(self.lines)


# The files after everyday.txt, each with its loader, in the order migrate loads them.
LOAD_ORDER = ((situations_groups, load_situations), (daily_groups, load_daily),
              (dialects_groups, load_dialects), (usage_groups, load_usage),
              (told_groups, load_told), (spoken_groups, load_spoken),
              (areas_groups, load_areas), (verbs_groups, load_verbs))


SITUATIONS = FileMigration(
    module="0004_situations", lines=situations_groups,
    least_lines=25,
    new=("义工", "志愿者"), extended=(("护理保险", "长护险"),),
    kept_kind=("长护险", "colloquial"), edited=("长护险", "长照险", "护理保险"),
    deleted="辞退", undone=("志愿者", "青年志愿者"),
    expansions=(("义工", "志愿者"), ("瘫在床上", "失能"), ("被驳回", "审核不通过"),
                ("没有案底", "无犯罪记录证明"), ("一趟办完", "联办"), ("摔了一跤", "意外伤害")),
    entry=("志愿者怎么注册？", "在志愿服务平台注册。"),
    others=(("高考怎么报名？", "按招生考试院通知网上报名。"), ("自学考试怎么报名？", "网上报名。")),
    question="请问要怎么报名当义工？",
)
DAILY = FileMigration(
    module="0005_daily", lines=daily_groups,
    least_lines=10,
    # 怪味 extends an everyday group, keeping its kind; 当过兵 a seed group.
    new=("期房", "预售"), extended=(("怪味", "异味"), ("当过兵", "退役军人")),
    kept_kind=("异味", "colloquial"), edited=("异味", "臭气", "怪味"),
    deleted="占道经营", undone=("预售", "楼花房"),
    expansions=(("期房", "预售"), ("楼花", "预售"), ("备孕", "孕前"), ("当兵受伤", "伤残军人"),
                ("一股怪味", "异味"), ("垫钱", "垫付"), ("掏不起", "困难"),
                ("隐私泄露", "个人信息泄露")),
    entry=("商品房预售许可怎么查？", "在住建部门网站查询。"),
    others=(("二手房交易税费怎么算？", "按成交价计算。"),
            ("开发商延期交房怎么办？", "按合同约定主张违约金。")),
    question="想买楼花 怕没有证不能卖",
)
DIALECTS = FileMigration(
    module="0006_dialects", lines=dialects_groups,
    least_lines=8,
    # 孤老 extends the everyday group of 特困人员; 阿爷 the seed's 老年人.
    new=("女仔", "女孩"), extended=(("孤老", "特困人员"), ("阿爷", "老年人")),
    kept_kind=("特困人员", "colloquial"), edited=("老年人", "银发族", "阿爷"),
    deleted="特困人员", undone=("女孩", "小女孩"),
    expansions=(("女仔", "女孩"), ("丫头", "女孩"), ("多少岁", "几岁"), ("念小学", "上小学"),
                ("缺斤少两", "缺斤短两"), ("港资公司", "外商投资企业"),
                ("聘请外国人", "外国人来华工作许可"), ("孤老", "特困人员"),
                ("伯爷公", "老年人")),
    entry=("缺斤短两怎么投诉？", "向市场监管部门投诉。"),
    others=(("商品质量问题怎么投诉？", "向市场监管部门投诉。"),
            ("物业服务不到位怎么反映？", "向街道反映。")),
    question="买菜被扣秤了",
)
USAGE = FileMigration(
    module="0007_usage", lines=usage_groups,
    least_lines=15,
    # 资遣 extends the everyday group of 辞退; 检举 the seed's two-way 投诉.
    new=("药局", "药店"), extended=(("资遣", "辞退"), ("检举", "投诉")),
    kept_kind=("投诉", "synonym"), edited=("辞退", "被资方辞退", "资遣"),
    deleted="残疾人证", undone=("药店", "大药房"),
    expansions=(("药局", "药店"), ("身心障碍", "残疾"), ("身障手册", "残疾人证"),
                ("资遣", "辞退"), ("资遣费", "经济补偿"), ("坑坑洞洞", "坑洼"),
                ("资讯", "信息"), ("育婴假", "育儿假"), ("户口名簿", "户口簿"),
                ("卫生所", "社区卫生服务中心"), ("医保包不包", "医保报销"), ("老三", "三孩")),
    entry=("药店怎么开？", "向药品监管部门申请药品经营许可证。"),
    others=(("开公司怎么办营业执照？", "网上一次办理。"),
            ("食品经营许可证怎么办？", "向市场监管局申请。")),
    question="想开一间药局要办什么",
)
TOLD = FileMigration(
    module="0008_told", lines=told_groups,
    least_lines=25,
    # 不要我了 extends the everyday group of 辞退; 喂奶 makes a new one.
    new=("喂奶", "哺乳"), extended=(("不要我了", "辞退"), ("比标价贵", "价格欺诈")),
    kept_kind=("辞退", "colloquial"), edited=("辞退", "被老板炒了", "不要我了"),
    deleted="价格欺诈", undone=("哺乳", "哺乳时间"),
    expansions=(("不要我了", "辞退"), ("一个人住", "独居老人"), ("上门看看", "探访"),
                ("开专票", "增值税专用发票"), ("没裁员", "稳岗返还"),
                ("蹭了", "剐蹭"), ("成河了", "积水"), ("盖新房", "村民建房"),
                ("租出去", "出租屋"), ("给爸妈用", "家庭共济")),
    entry=("独居老人有人定期探访吗？", "街道安排工作人员定期探访。"),
    others=(("老年大学怎么报名？", "向街道报名。"),
            ("社区卫生服务中心在哪里？", "在街道办旁边。")),
    question="我爸一个人住，社区能不能上门看看他",
)
SPOKEN = FileMigration(
    module="0009_spoken", lines=spoken_groups,
    least_lines=60,
    # 老板不发钱 extends the seed's colloquial 欠薪; 碎砖头 the everyday 装修垃圾; 祠堂
    # makes a new group.
    new=("祠堂", "文物"), extended=(("老板不发钱", "欠薪"), ("碎砖头", "装修垃圾")),
    kept_kind=("欠薪", "colloquial"), edited=("欠薪", "老板赖账", "老板不发钱"),
    deleted="装修垃圾", undone=("文物", "古建筑"),
    expansions=(("老板不发钱", "欠薪"), ("包工头跑了", "欠薪"), ("被优化", "辞退"),
                ("顶着太阳干活", "高温津贴"), ("社保带过来", "社保转移"), ("做透析", "门特"),
                ("没带医保卡", "零星报销"), ("怀上了", "怀孕"), ("放学后看孩子", "课后托管"),
                ("像养老院那样", "家庭养老床位"), ("睡桥洞", "流浪乞讨人员"),
                ("新证没下来", "临时身份证"), ("开不了专票", "一般纳税人"),
                ("办公室房租", "创业场地"), ("迟迟不交房", "延期交房"), ("约个时间", "预约")),
    entry=("文物古建筑遭破坏怎么举报？", "向文物行政部门举报。"),
    others=(("违章搭建怎么举报？", "向城管部门举报。"),
            ("路边大树要倒了找谁？", "向园林部门反映。")),
    question="村里的老祠堂叫人拆了一角",
)
AREAS = FileMigration(
    module="0012_areas", lines=areas_groups,
    least_lines=100,
    # 抱养孩子 extends the colloquial group of 收养; 做一休一 makes a new one.
    new=("做一休一", "特殊工时"), extended=(("抱养孩子", "收养"), ("户口迁回老家", "户口迁出")),
    kept_kind=("收养", "colloquial"), edited=("收养", "捡了个孩子养", "抱养孩子"),
    deleted="占道经营", undone=("特殊工时", "综合工时"),
    expansions=(("做一休一", "特殊工时"), ("抱养孩子", "收养"), ("评中级", "职称评审"),
                ("老婆没上班", "未就业配偶"), ("地被征了", "被征地农民"),
                ("旧床垫扔哪", "大件垃圾"), ("公开申请多久回复", "答复期限"), ("电梯老坏", "电梯故障"),
                ("种水稻", "种粮"), ("给公司起名字", "公司名称")),
    entry=("特殊工时怎么审批？", "综合计算工时、不定时工作制向人社部门申请。"),
    others=(("加班费怎么计算？", "按规定倍数支付。"), ("带薪年休假有几天？", "按工龄计算。")),
    question="我们厂想搞做一休一，要去哪批",
)
VERBS = FileMigration(
    module="0013_verbs", lines=verbs_groups,
    least_lines=6,
    # 领到手 extends the seed's colloquial 领取; 取出来 makes the new group 提取.
    new=("取出来", "提取"), extended=(("领到手", "领取"),),
    kept_kind=("领取", "colloquial"), edited=("领取", "领出来", "领到手"),
    deleted="注销", undone=("提取", "取现"),
    expansions=(("取出来", "提取"), ("拿出来", "提取"), ("挪过去", "转移"),
                ("撤下来", "删除"), ("领到手", "领取"), ("检车", "机动车检验"),
                ("刮了一下", "剐蹭")),
    entry=("公积金异地转移怎么办？", "办理转移接续。"),
    others=(("公积金怎么提取？", "按规定提取。"), ("公积金贷款怎么申请？", "向公积金中心申请。")),
    question="回老家了公积金能挪过去吗",
)
FILES = (SITUATIONS, DAILY, DIALECTS, USAGE, TOLD, SPOKEN, AREAS, VERBS)
CASES = [pytest.param(case, id=case.module) for case in FILES]
EXPANSIONS = [pytest.param(case, typed, meant, id=f"{case.module}-{typed}")
              for case in FILES for typed, meant in case.expansions]


@pytest.fixture
def site_before(case):
    """The lexicon as a site has it before ``case``'s migration: the seed (conftest) and
    the files loaded before it."""
    for load in case.before:
        load(TermGroup, LexiconVersion)
    return {g.canonical: g.variants for g in TermGroup.objects.all()}


def _variants(canonical: str) -> list[str]:
    return TermGroup.objects.get(canonical=canonical).variants


@pytest.mark.parametrize("case", CASES)
def test_lines_keep_the_kind_of_the_group_they_extend(case):
    """A colloquial word added to a two-way group would widen a query for the official
    term to slang: a line naming an earlier canonical term has that group's kind."""
    lines = case.lines()
    assert len(lines) >= case.least_lines  # guards the test itself: the file is read
    earlier: dict[str, str] = {}
    for kind, canonical, _variants in [group for groups in case.earlier for group in groups()]:
        earlier.setdefault(canonical, kind)
    for kind, canonical, _variants in lines:
        if canonical in earlier:
            assert kind == earlier[canonical], canonical


@pytest.mark.parametrize("case", CASES)
def test_it_adds_new_groups_and_extends_earlier_ones_once(case, site_before):
    case.migration.load(django_apps, None)
    variant, canonical = case.new
    assert variant in _variants(canonical)  # a new group
    for variant, canonical in case.extended:
        assert variant in _variants(canonical)
    canonical, kind = case.kept_kind
    assert TermGroup.objects.get(canonical=canonical).kind == kind
    count = TermGroup.objects.count()
    case.migration.load(django_apps, None)  # run twice: nothing doubled
    assert TermGroup.objects.count() == count
    for variant, canonical in case.extended:
        assert _variants(canonical).count(variant) == 1


@pytest.mark.parametrize("case", CASES)
def test_groups_the_office_edited_or_deleted_are_left_as_they_are(case, site_before,
                                                                  office_admin):
    canonical, office_variant, file_variant = case.edited
    term_variant_add(canonical=canonical, variant=office_variant, actor=office_admin)
    edited = _variants(canonical)
    term_group_delete(group=TermGroup.objects.get(canonical=case.deleted), actor=office_admin)
    case.migration.load(django_apps, None)
    assert _variants(canonical) == edited and file_variant not in edited
    assert not TermGroup.objects.filter(canonical=case.deleted).exists()


@pytest.mark.parametrize("case", CASES)
def test_it_can_be_undone_without_touching_edited_groups(case, site_before, office_admin):
    case.migration.load(django_apps, None)
    canonical, office_variant = case.undone
    term_variant_add(canonical=canonical, variant=office_variant, actor=office_admin)
    case.migration.unload(django_apps, None)
    after = {g.canonical: g.variants for g in TermGroup.objects.all()}
    assert after.pop(canonical)[-1] == office_variant  # the office's work stays
    assert after == site_before


@pytest.mark.parametrize("case, typed, meant", EXPANSIONS)
def test_an_everyday_word_expands_to_the_services_word(case, site_before, typed, meant):
    assert meant not in dict(expand_tokens([typed]))
    case.migration.load(django_apps, None)
    assert dict(expand_tokens([typed]))[meant] >= 0.7


@pytest.mark.parametrize("case", CASES)
def test_an_everyday_question_finds_its_entry(case, site_before):
    from gongkai.qa.retrieval.search import search
    from gongkai.qa.tests.factories_qa import published_entry

    wanted = published_entry(question=case.entry[0], answer=case.entry[1])
    for question, answer in case.others:
        published_entry(question=question, answer=answer)
    _query, hits = search(case.question)
    assert not hits or hits[0].id != wanted.pk
    case.migration.load(django_apps, None)
    _query, hits = search(case.question)
    assert hits and hits[0].id == wanted.pk


@pytest.mark.parametrize("case", [pytest.param(c, id=c.module)
                                  for c in (TOLD, SPOKEN, AREAS, VERBS)])
def test_its_variants_are_words_new_to_the_lexicon_and_not_generic(case):
    """A generic word mapped to a service would let a question of generic words find
    it; a variant another group already has would mean two things (and undoing the file
    would take it from that group); a colloquial variant holding its own term adds
    nothing and swallows the words around it."""
    from gongkai.policies.search.words import GENERIC_WORDS as SEARCH_GENERIC
    from gongkai.qa.retrieval.text import GENERIC_WORDS as QA_GENERIC

    earlier = {variant for groups in case.earlier for _k, _c, variants in groups()
               for variant in variants}
    for kind, canonical, variants in case.lines():
        for variant in variants:
            assert len(variant) >= 2, (canonical, variant)
            assert variant not in SEARCH_GENERIC and variant not in QA_GENERIC, variant
            assert variant not in earlier, (canonical, variant)
            if kind == "colloquial":
                assert canonical not in variant, (canonical, variant)


@pytest.mark.parametrize("case", [pytest.param(c, id=c.module) for c in (SPOKEN, AREAS, VERBS)])
def test_its_lines_are_colloquial_and_on_no_two_way_group(case):
    """A colloquial phrase on a synonym group would widen a query for the official term
    (the loader keeps the group's kind): every line of the file is colloquial and names
    no earlier synonym or abbreviation group, and no variant is an earlier canonical
    term (it would mean two things)."""
    earlier = {canonical: kind for groups in case.earlier for kind, canonical, _v in groups()}
    for kind, canonical, variants in case.lines():
        assert kind == "colloquial", canonical
        assert earlier.get(canonical, "colloquial") == "colloquial", canonical
        assert not set(variants) & earlier.keys(), canonical


def _load_all_before_spoken():
    for load in SPOKEN.before:
        load(TermGroup, LexiconVersion)


def test_undoing_a_later_file_leaves_a_variant_an_earlier_file_also_gave(monkeypatch):
    """The loader merges a line into the group an earlier file made; a variant that file
    had already given the group is not the later file's to take back when it is undone
    (被裁了 is situations.txt's, 被辞了 told.txt's); one it added goes."""
    from gongkai.lexicon.data import seed

    _load_all_before_spoken()
    before = _variants("辞退")
    assert {"被裁了", "被辞了"} <= set(before)
    repeated = [("colloquial", "辞退", ["被裁了", "被辞了", "被老板请走了"])]
    monkeypatch.setattr(seed, "later_groups",
                        lambda name: repeated if name == "spoken.txt" else
                        seed.read_groups(seed.Path(seed.__file__).with_name(name)))
    seed.load_later("spoken.txt", TermGroup, LexiconVersion)
    assert _variants("辞退") == [*before, "被老板请走了"]
    unload_later("spoken.txt", TermGroup, LexiconVersion)
    assert _variants("辞退") == before


def test_undoing_everyday_leaves_the_seeds_variants():
    """everyday.txt's lines extend the seed's groups: a seed variant one of them repeats
    stays when 0003 is undone; a variant the seed gave another group (拖欠工资: 欠薪)
    does not keep it in this one."""
    seed_variants = _variants("辞退")
    assert "被辞" in seed_variants and "拖欠工资" not in seed_variants
    lines = [("colloquial", "辞退", ["被辞", "拖欠工资", "被老板请走了"])]
    load_everyday(TermGroup, LexiconVersion, lines, {"辞退"})
    unload_everyday(TermGroup, LexiconVersion, lines)
    assert _variants("辞退") == seed_variants


def test_undoing_with_no_earlier_groups_removes_what_the_file_names():
    """Bad input: an empty list of earlier groups keeps nothing back (every group the
    file names is then its own and is deleted)."""
    lines = [("colloquial", "辞退", ["被辞"])]
    unload_everyday(TermGroup, LexiconVersion, lines, [])
    assert not TermGroup.objects.filter(canonical="辞退").exists()
