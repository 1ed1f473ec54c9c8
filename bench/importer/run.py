"""Benchmark of importing a yearly plan: a 200-task plan for 80 units, through the web
flow the office uses (upload → preview → confirm), timed step by step.

Run from the repository root:  .venv/bin/python bench/importer/run.py

The plan is generated reproducibly (fixed seed) as a web page whose table has rowspans,
role columns, group words and a shared prefix, like the plans governments publish. A
fresh SQLite file under bench/importer/out/ holds the registry of 80 units. Each run
imports the plan as a new year; the figures are the median and worst of the runs,
against the target of 2 s for parse + preview + confirm. Exits 1 if it is missed.
"""
import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = Path(__file__).resolve().parent / "out"
SEED = 20221231
N_TASKS, N_UNITS, RUNS = 200, 80, 5
TARGET_S = 2.0
STEMS = ("发展改革", "教育", "科技", "工业和信息化", "民政", "司法", "财政", "人力资源社会保障",
         "规划和自然资源", "生态环境", "住房城乡建设", "交通运输", "水务", "农业农村", "商务",
         "文化广电旅游", "卫生健康", "退役军人事务", "应急管理", "审计", "国资", "市场监管", "统计",
         "医疗保障", "信访", "城市管理", "金融", "政务服务数据管理", "档案", "地方志")
GROUPS = ("各部门", "各街镇", "园区管理机构", "各有关单位", "区直各单位", "各镇人民政府（街道办事处）")


def setup_django() -> None:
    OUT.mkdir(exist_ok=True)
    db = OUT / "importer.sqlite3"
    for path in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
        path.unlink(missing_ok=True)
    os.environ["DATABASE_URL"] = f"sqlite:///{db}"
    os.environ["GONGKAI_VAR_DIR"] = str(OUT / "var")
    os.environ["DJANGO_ALLOWED_HOSTS"] = "testserver,localhost"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def unit_names() -> list[str]:
    names = [f"区{stem}局" for stem in STEMS]
    names += [f"第{i}街道" for i in range(1, 21)]
    names += [f"区{stem}中心" for stem in STEMS[:N_UNITS - len(names)]]
    return names[:N_UNITS]


def generate_plan(rng: random.Random, names: list[str]) -> str:
    """An HTML plan: 5 parts, 20 sections, N_TASKS tasks; a lead and a cooperate column;
    every fourth units cell spans two tasks (rowspan)."""
    rows = ["<tr><th>工作任务</th><th>具体要求</th><th>牵头单位</th><th>配合单位</th></tr>"]
    per_section = N_TASKS // 20
    number = 0
    for section in range(1, 21):
        if section % 4 == 1:
            rows.append(f"<tr><td colspan='4'>{'一二三四五'[section // 4]}、第{section // 4 + 1}部分</td></tr>")
        for i in range(per_section):
            number += 1
            head = (f"<td rowspan='{per_section}'>（{_cn(section)}）第{section}项工作</td>"
                    if i == 0 else "")
            text = f"<td>{number}.公开第{number}项工作的进展和结果，做好解读。</td>"
            if number % 4 == 2:
                rows.append(f"<tr>{head}{text}</tr>")
                continue
            span = " rowspan='2'" if number % 4 == 1 else ""
            lead = rng.choice(names)
            others = rng.sample(names, 3)
            second = others[1].removeprefix("区") if others[0].startswith("区") else others[1]
            cooperate = "、".join([others[0], second, others[2]])  # 区X局、Y局: shared 区
            cooperate += "，" + rng.choice(GROUPS)
            rows.append(f"<tr>{head}{text}<td{span}>{lead}</td><td{span}>{cooperate}</td></tr>")
    return ("<html><body><p>关于印发测试区2030年政务公开工作要点分工方案的通知</p>"
            "<p>各单位于2030年9月30日、12月30日前报送第三、四季度推进落实情况。</p>"
            "<p>测试区人民政府办公室</p><p>2030年3月1日</p><table>"
            + "".join(rows) + "</table></body></html>")


def _cn(n: int) -> str:
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    return ("" if n < 20 else digits[n // 10]) + "十" + (digits[n % 10] if n % 10 else "")


def run_once(client, html: str, year: int) -> dict[str, float]:
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    times = {}
    cpu = time.process_time()
    start = time.perf_counter()
    response = client.post(reverse("plans:import"), {
        "file": SimpleUploadedFile("plan.html", html.encode()), "year": year})
    assert response.status_code == 302, response.content[:500]
    times["upload+parse"] = time.perf_counter() - start
    start = time.perf_counter()
    response = client.get(reverse("plans:import_preview"))
    assert response.status_code == 200 and b"unresolved\"" not in response.content
    times["preview"] = time.perf_counter() - start
    start = time.perf_counter()
    response = client.post(reverse("plans:import_confirm"))
    assert response.status_code == 302, response.content[:500]
    times["confirm"] = time.perf_counter() - start
    times["total"] = sum(times.values())
    times["total cpu"] = time.process_time() - cpu
    return times


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=RUNS)
    args = parser.parse_args()
    setup_django()
    from django.test import Client

    from gongkai.orgs.models import Role, Unit, User
    from gongkai.orgs.services import groups_ensure_known
    from gongkai.plans.models import Task

    names = unit_names()
    Unit.objects.create(name="区政务公开办", category="other", is_office=True)
    Unit.objects.bulk_create(Unit(name=n, category="department") for n in names)
    groups_ensure_known()
    office = User.objects.create_user("bench", role=Role.OFFICE_ADMIN,
                                      unit=Unit.objects.get(is_office=True))
    client = Client()
    client.force_login(office)
    html = generate_plan(random.Random(SEED), names)
    results = [run_once(client, html, 2030 + i) for i in range(args.runs)]
    assert Task.objects.filter(plan__year=2030).count() == N_TASKS
    print(f"importer: {N_TASKS} tasks, {N_UNITS} units, {args.runs} runs (seed {SEED})")
    print(f"  load average before the runs: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    for step in ("upload+parse", "preview", "confirm", "total", "total cpu"):
        values = [r[step] for r in results]
        print(f"  {step:14s} median {statistics.median(values) * 1000:7.0f} ms   "
              f"worst {max(values) * 1000:7.0f} ms")
    worst = max(r["total"] for r in results)
    verdict = "ok" if worst < TARGET_S else "MISSED"
    print(f"  target: parse + preview + confirm < {TARGET_S:.0f} s → {verdict}")
    return 0 if worst < TARGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
