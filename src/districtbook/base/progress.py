"""Build progress: a live status line on a terminal, plain one-per-event lines otherwise."""
from __future__ import annotations

import logging
import sys
import threading
from typing import TextIO

log = logging.getLogger("districtbook")


class Progress:
    def __init__(self, total: int, stream: TextIO | None = None):
        self.total = total
        self.stream = stream or sys.stderr
        self.tty = hasattr(self.stream, "isatty") and self.stream.isatty()
        self.finished = 0
        self.running: list[str] = []
        self.lock = threading.Lock()

    def _status(self) -> None:
        width = 30
        filled = width * self.finished // max(1, self.total)
        bar = "#" * filled + "-" * (width - filled)
        running = ", ".join(self.running)[:60]
        self.stream.write(f"\r\033[K[{bar}] {self.finished}/{self.total} chapters  {running}")
        self.stream.flush()

    def start(self, name: str) -> None:
        with self.lock:
            self.running.append(name)
            if self.tty:
                self._status()

    def done(self, name: str, how: str, seconds: float | None = None, reason: str = "") -> None:
        """One chapter finished: ``how`` is "ran" or "reused"; ``reason`` says which input changed."""
        with self.lock:
            if name in self.running:
                self.running.remove(name)
            self.finished += 1
            took = f" in {seconds:.1f} s" if seconds is not None else ""
            why = f" ({reason})" if reason else ""
            line = f"[{self.finished}/{self.total}] {name}: {'executed' if how == 'ran' else 'reused from cache'}{took}{why}"
            if self.tty:
                self.stream.write("\r\033[K" + line + "\n")
                self._status()
            else:
                log.info(line)

    def finish(self, ran: int, reused: int) -> None:
        with self.lock:
            if self.tty:
                self.stream.write("\r\033[K")
                self.stream.flush()
            if ran == 0:
                log.info("nothing changed: no chapter executed (%d reused)", reused)
            else:
                log.info("%d chapters executed, %d reused from cache", ran, reused)
