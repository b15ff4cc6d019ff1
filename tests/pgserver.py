"""A throwaway PostgreSQL server (Debian's ``postgresql`` package) for the storage tests.

Started once per test session in a temporary directory, listening on a Unix socket only, and
stopped at exit. As root, the server runs as the ``postgres`` system user (PostgreSQL refuses
to run as root). Missing binaries are an error, not a skip: scripts/setup.sh installs them.
"""

from __future__ import annotations

import atexit
import glob
import os
import pwd
import shutil
import subprocess
import tempfile
import uuid
from functools import cache
from pathlib import Path

PORT = 5432  # the socket lives in our own directory, so the usual port cannot clash


def _bindir() -> Path:
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[4]))
    if candidates:
        return Path(candidates[-1]).parent
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    raise RuntimeError(
        "PostgreSQL server binaries (initdb, pg_ctl) not found: install the Debian package "
        "'postgresql' (scripts/setup.sh does it); the storage tests need a real server"
    )


def _as_server_user(argv: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *argv] if os.geteuid() == 0 else argv


@cache
def server_dir() -> Path:
    """Start the server (once) and return its directory, which also holds the socket."""
    bindir = _bindir()
    root = Path(tempfile.mkdtemp(prefix="mubiao-pg-"))
    if os.geteuid() == 0:
        user = pwd.getpwnam("postgres")
        os.chown(root, user.pw_uid, user.pw_gid)
    data = root / "data"

    def run(*argv: object) -> None:
        subprocess.run(_as_server_user([str(a) for a in argv]), check=True, capture_output=True)

    try:
        run(bindir / "initdb", "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale")
        options = f"-k {root} -p {PORT} -c listen_addresses='' -c fsync=off"
        run(bindir / "pg_ctl", "-D", data, "-o", options, "-l", root / "server.log", "-w", "start")
    except subprocess.CalledProcessError as exc:
        log = (root / "server.log").read_text() if (root / "server.log").exists() else ""
        raise RuntimeError(
            f"could not start PostgreSQL: {exc.stderr.decode(errors='replace')}\n{log}"
        ) from exc
    atexit.register(_stop, bindir, root)
    return root


def _stop(bindir: Path, root: Path) -> None:
    subprocess.run(
        _as_server_user([str(bindir / "pg_ctl"), "-D", str(root / "data"), "-m", "fast", "stop"]),
        capture_output=True,
    )
    shutil.rmtree(root, ignore_errors=True)


def _url(database: str) -> str:
    return f"postgresql+psycopg://postgres@/{database}?host={server_dir()}&port={PORT}"


def fresh_database_url() -> str:
    """The URL of a new, empty database on the session's server."""
    import psycopg

    name = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(
        host=str(server_dir()), port=PORT, user="postgres", dbname="postgres", autocommit=True
    ) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return _url(name)
