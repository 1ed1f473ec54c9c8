from gongkai.reports.models.annual import *  # noqa: F403
from gongkai.reports.models.assessment import *  # noqa: F403
from gongkai.reports.models.links import *  # noqa: F403
from gongkai.reports.models.records import *  # noqa: F403
