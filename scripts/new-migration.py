#!/usr/bin/env python3
"""Write a new Alembic migration after changing mubiao/store/models.py:

    .venv/bin/python scripts/new-migration.py "add records.rule"

It upgrades a throwaway SQLite database to the current head, compares it with the models and
writes the difference as mubiao/store/migrations/versions/<NNNN>_<slug>.py. Read it, adjust it,
and run the storage tests (SQLite and PostgreSQL): tests/test_store_migrations.py checks that the
migrations build exactly the models' schema.
"""

from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path

from alembic import command
from alembic.script import ScriptDirectory

from mubiao.store.db import alembic_config, make_engine, upgrade


def main(message: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        engine = make_engine(f"sqlite:///{Path(tmp) / 'head.db'}")
        upgrade(engine)
        config = alembic_config(engine)
        head = ScriptDirectory.from_config(config).get_current_head() or "0000"
        rev_id = f"{int(head) + 1:04d}"
        slug = re.sub(r"\W+", "_", message.lower()).strip("_")[:40]
        config.set_main_option("file_template", f"%%(rev)s_{slug}")  # %% escapes configparser
        command.revision(config, message=message, autogenerate=True, rev_id=rev_id)
        engine.dispose()


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
