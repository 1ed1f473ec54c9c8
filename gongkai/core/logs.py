"""Log records as one JSON object per line, stamped in the platform's time zone.

Operators grep and ship these; a timestamp in Beijing time matches what users report
("at 9:05 this morning"), and the offset is written so nothing is ambiguous.
"""
import json
import logging
from datetime import datetime
from zoneinfo import ZoneInfo

from django.conf import settings

_RESERVED = set(vars(logging.makeLogRecord({}))) | {"message", "asctime"}


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        zone = ZoneInfo(getattr(settings, "TIME_ZONE", None) or "Asia/Shanghai")
        entry = {
            "time": datetime.fromtimestamp(record.created, zone).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        # Anything passed as ``extra=`` travels as its own key.
        for key, value in vars(record).items():
            if key not in _RESERVED and not key.startswith("_"):
                entry[key] = value if isinstance(value, str | int | float | bool) else str(value)
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)
