"""Public participation: consultations on drafts, decision meetings with public
representatives, leader messages. One module per part; each defines ``__all__``."""
from gongkai.participation.models.consultations import *  # noqa: F403
from gongkai.participation.models.meetings import *  # noqa: F403
from gongkai.participation.models.messages import *  # noqa: F403
