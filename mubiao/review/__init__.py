"""Helping people review records: how sure the machine was of each one."""
