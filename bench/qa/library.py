"""The evaluation library of the Q&A bench: the demo library (gongkai/qa/data) plus
the entries in bench/qa/library/*.psv, written for the bench in the style of a district
Q&A (not statements of real policy), and each entry's SUBJECT: a short English
description of the need it answers, which deliberately avoids the entry's Chinese
words. The subjects (bench/qa/subjects.tsv) are all that the writers of the evaluation
questions saw, so the questions do not borrow the library's wording.

    .venv/bin/python bench/qa/library.py --subjects > bench/qa/subjects.tsv
    .venv/bin/python bench/qa/library.py --check

Ids: d001… are the demo entries in their order, q… the bench's own entries.
File format (one entry a line, ``#`` starts a comment):
``id|topic|unit code|question|other phrasings separated by ;|answer|subject``.
"""
import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from gongkai.qa.data.demo_entries import ENTRIES as DEMO_ENTRIES  # noqa: E402

HERE = Path(__file__).with_name("library")
SUBJECTS_TSV = Path(__file__).with_name("subjects.tsv")
NOTE = "（评测数据，具体以最新政策和窗口答复为准）"
UNITS = {
    "jy": "区教育局", "rs": "区人力资源社会保障局", "yb": "区医疗保障局",
    "wj": "区卫生健康局", "mz": "区民政局", "zj": "区住房城乡建设局", "ga": "区公安分局",
    "sw": "区税务局", "sj": "区市场监管局", "jt": "区交通运输局", "hb": "区生态环境分局",
    "cg": "区城市管理综合执法局", "zfb": "区政府办", "zs": "区政务服务数据管理局",
    "ty": "区退役军人事务局", "sf": "区司法局", "yj": "区应急管理局",
    "gh": "区规划和自然资源局", "sw2": "区水务局", "ny": "区农业农村局", "kj": "区科技局",
    "zscq": "区知识产权局", "sh": "区商务局", "wl": "区文化广电旅游局",
    "gx": "区工业和信息化局", "jr": "区金融局", "fg": "区发展改革局", "cz": "区财政局",
}
TOPICS = {"birth", "school", "employment", "startup", "elderly", "medical", "tax",
          "epidemic", "social_insurance", "housing", "other"}


@dataclass(frozen=True)
class LibraryEntry:
    id: str
    topic: str
    unit: str
    question: str
    alternatives: tuple[str, ...]
    answer: str
    subject: str


def _lines(path: Path):
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip() and not line.startswith("#"):
            yield number, line.rstrip("\n")


def demo_entries() -> list[LibraryEntry]:
    subjects = [s for _n, s in _lines(HERE / "00_demo_subjects.txt")]
    if len(subjects) != len(DEMO_ENTRIES):
        raise ValueError(f"{len(subjects)} demo subjects for {len(DEMO_ENTRIES)} entries")
    return [LibraryEntry(id=f"d{i + 1:03d}", topic=topic, unit=unit, question=q,
                         alternatives=tuple(alts), answer=a, subject=subject)
            for i, ((topic, unit, q, alts, a, _s), subject)
            in enumerate(zip(DEMO_ENTRIES, subjects, strict=True))]


def bench_entries() -> list[LibraryEntry]:
    found = []
    for path in sorted(HERE.glob("*.psv")):
        for number, line in _lines(path):
            parts = line.split("|")
            if len(parts) != 7:
                raise ValueError(f"{path.name}:{number}: {len(parts)} fields, not 7")
            id_, topic, unit, question, alts, answer, subject = (p.strip() for p in parts)
            if topic not in TOPICS or unit not in UNITS:
                raise ValueError(f"{path.name}:{number}: topic {topic!r} or unit {unit!r}")
            found.append(LibraryEntry(
                id=id_, topic=topic, unit=UNITS[unit], question=question,
                alternatives=tuple(a.strip() for a in alts.split(";") if a.strip()),
                answer=answer + NOTE, subject=subject))
    return found


def library() -> list[LibraryEntry]:
    """Every entry of the evaluation library, demo entries first."""
    entries = [*demo_entries(), *bench_entries()]
    problems = check(entries)
    if problems:
        raise ValueError("; ".join(problems))
    return entries


def check(entries: list[LibraryEntry]) -> list[str]:
    problems = []
    seen_ids, seen_questions = set(), set()
    for e in entries:
        if e.id in seen_ids:
            problems.append(f"duplicate id {e.id}")
        if e.question in seen_questions:
            problems.append(f"duplicate question {e.question}")
        if not (e.question and e.answer and e.subject):
            problems.append(f"{e.id}: empty field")
        if any("\u3400" <= ch <= "\u9fff" for ch in e.subject):
            problems.append(f"{e.id}: the subject must be English")
        seen_ids.add(e.id)
        seen_questions.add(e.question)
    return problems


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--subjects", action="store_true", help="print subjects.tsv")
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    entries = library()
    if args.subjects:
        for e in entries:
            sys.stdout.write(f"{e.id}\t{e.subject}\n")
    else:
        print(f"{len(entries)} entries ({len(demo_entries())} demo), no problems found")


if __name__ == "__main__":
    main()
