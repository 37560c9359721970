#!/usr/bin/env python3
"""Decodes FIT workout files with Garmin's own FIT SDK (the garmin-fit-sdk package) and prints what it read as JSON.

Usage: decode_fit_workouts.py FILE...
Prints one JSON object: {"files": [{"path", "isFIT", "integrity", "errors", "fileId", "workout", "steps"}]}.
Values are the SDK's decoded values: sub-fields expanded, scale applied (metres, seconds, m/s), enums as names.
"""
import json
import sys

from garmin_fit_sdk import Decoder, Stream


def plain(value):
    """JSON-safe copy of an SDK value (datetimes become ISO text)."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def decode(path):
    # is_fit and check_integrity move the stream: each check gets a decoder of its own.
    is_fit = Decoder(Stream.from_file(path)).is_fit()
    integrity = Decoder(Stream.from_file(path)).check_integrity()
    messages, errors = Decoder(Stream.from_file(path)).read(
        apply_scale_and_offset=True,
        convert_datetimes_to_dates=True,
        convert_types_to_strings=True,
        enable_crc_check=True,
        expand_sub_fields=True,
        expand_components=True,
    )
    return {
        "path": path,
        "isFIT": is_fit,
        "integrity": integrity,
        "errors": [repr(e) for e in errors],
        "fileId": plain(messages.get("file_id_mesgs", [])),
        "workout": plain(messages.get("workout_mesgs", [])),
        "steps": plain(messages.get("workout_step_mesgs", [])),
    }


if __name__ == "__main__":
    print(json.dumps({"files": [decode(p) for p in sys.argv[1:]]}))
