"""Sizes of the Dask engine's units of work, shared by the engine and the command-line flags
(kept apart so that the flags load without Dask)."""

PARTITION_SIZE = 500  # documents per partition: the unit of work, of memory and of resuming
PARTITION_BYTES = 64 << 20  # input bytes per partition, for corpora with long rows and big files
DESCRIBE_BATCH = 64  # input files counted and hashed per task
# The local cluster's dashboard shows file names and lets anyone who reaches it watch the job:
# loopback only unless an address is asked for (--dashboard 0.0.0.0:8787).
DASHBOARD = "127.0.0.1:8787"
