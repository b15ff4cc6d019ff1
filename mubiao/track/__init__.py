"""Targets linked to later outcomes, attainment, and escalation across administrative levels."""

from mubiao.track.attainment import STATUSES, Tolerance
from mubiao.track.direction import indicator_direction
from mubiao.track.link import TRACKING_COLUMNS, TrackingRow, track

__all__ = ["STATUSES", "TRACKING_COLUMNS", "Tolerance", "TrackingRow", "indicator_direction", "track"]
