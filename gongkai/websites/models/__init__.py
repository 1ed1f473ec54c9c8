from gongkai.websites.models.checks import (  # noqa: F401
    CheckRun,
    Finding,
    FindingSource,
    Probe,
    Review,
    RunTrigger,
)
from gongkai.websites.models.register import (  # noqa: F401
    AccountStatus,
    CheckRule,
    Column,
    ColumnKind,
    NewMediaAccount,
    Platform,
    SiteStatus,
    Website,
)
from gongkai.websites.models.spotcheck import (  # noqa: F401
    MediaCheck,
    RectEvidence,
    Rectification,
    RectStatus,
    SampleEntry,
    Screenshot,
    SpotCheck,
    SpotStatus,
)
