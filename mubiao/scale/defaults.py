"""Sizes of the Dask engine's units of work, shared by the engine and the command-line flags
(kept apart so that the flags load without Dask)."""

PARTITION_SIZE = 500  # documents per partition: the unit of work, of memory and of resuming
PARTITION_BYTES = 64 << 20  # input bytes per partition, for corpora with long rows and big files
DESCRIBE_BATCH = 64  # input files counted and hashed per task
