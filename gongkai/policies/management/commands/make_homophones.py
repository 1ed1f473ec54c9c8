"""``make_homophones``: write ``gongkai/policies/data/homophones.txt``, the characters of
GB 2312 grouped by their toneless pinyin (every reading), which the policy search uses
to read a pinyin-input typo (公组房 → 公租房). Run again only to change the table; the
search reads the file, not pypinyin."""
from django.core.management.base import BaseCommand

from gongkai.policies.search.typos import HOMOPHONES_FILE


def gb2312_characters() -> list[str]:
    """The 6,763 characters of GB 2312 (levels 1 and 2), in code order."""
    found = []
    for high in range(0xB0, 0xF8):
        for low in range(0xA1, 0xFF):
            try:
                found.append(bytes([high, low]).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return found


class Command(BaseCommand):
    help = "生成同音字表（政策文件检索纠正拼音输入错字用）。"

    def handle(self, *args, **options):
        from pypinyin import Style, pinyin

        groups: dict[str, list[str]] = {}
        for char in gb2312_characters():
            for reading in dict.fromkeys(pinyin(char, style=Style.NORMAL, heteronym=True)[0]):
                groups.setdefault(reading, []).append(char)
        lines = [f"{reading} {''.join(chars)}" for reading, chars in sorted(groups.items())
                 if reading.isascii() and reading.isalpha()]
        HOMOPHONES_FILE.write_text(
            "# toneless pinyin, then the GB 2312 characters read so (make_homophones)\n"
            + "\n".join(lines) + "\n", encoding="utf-8")
        self.stdout.write(f"{len(lines)} readings written to {HOMOPHONES_FILE}")
