#!/usr/bin/env python3
"""Parses an iCalendar file with the Python icalendar package and prints what it read as JSON.

Usage: parse_ics.py FILE
Prints {"calendar": {...}, "events": [{"uid", "sequence", "start", "end", "startIsDate", "summary", "description"}]}.
"""
import datetime
import json
import sys

import icalendar


def main(path):
    with open(path, "rb") as handle:
        calendar = icalendar.Calendar.from_ical(handle.read())
    events = []
    for event in calendar.walk("VEVENT"):
        start = event.decoded("DTSTART")
        end = event.decoded("DTEND")
        events.append({
            "uid": str(event.get("UID")),
            "sequence": int(event.get("SEQUENCE")),
            "start": start.isoformat(),
            "end": end.isoformat(),
            "startIsDate": isinstance(start, datetime.date) and not isinstance(start, datetime.datetime),
            "stamp": event.decoded("DTSTAMP").isoformat(),
            "summary": str(event.get("SUMMARY")),
            "description": str(event.get("DESCRIPTION")),
        })
    print(json.dumps({
        "calendar": {
            "version": str(calendar.get("VERSION")),
            "prodid": str(calendar.get("PRODID")),
            "name": str(calendar.get("X-WR-CALNAME")),
        },
        "events": events,
        "errors": [str(e) for c in calendar.walk() for e in getattr(c, "errors", [])],
    }))


if __name__ == "__main__":
    main(sys.argv[1])
