"""The Dask engine: the same extraction, partitioned over a cluster, written as Parquet shards
(and/or to the store) by the workers, resumable from a manifest.

``mubiao.scale.engine.run_job`` is the library entry point; ``mubiao.scale.cli`` holds the
flags of ``mubiao extract`` and ``mubiao ingest``. Nothing in the core imports this package.
"""
