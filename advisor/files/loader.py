"""The names the loader had before it was split by what it reads, kept for the modules that
import them from here: advisor.files.read (bounded reading, decoding, standard input, OS
errors), advisor.files.profiles (profiles) and advisor.files.packs (rule packs)."""

from __future__ import annotations

from advisor.files.packs import (
    CATALOGUE,
    DEFAULT_PACK_NAME,
    MANIFEST,
    MAX_EXTENDS_DEPTH,
    MAX_PACK_DEPTH,
    MAX_PACK_ENTRIES,
    SOURCES,
    default_pack_root,
    load_pack,
    load_pack_collecting,
)
from advisor.files.profiles import (
    LoadedProfile,
    _model_at,
    load_profile,
    parse_profile_text,
    profile_from_data,
    read_profile_stream,
    validation_problems,
)
from advisor.files.read import (
    DATA_SUFFIXES,
    MAX_FILE_BYTES,
    STDIN_SOURCE,
    decode,
    load_data_file,
    os_problem,
    read_bytes,
    read_stream,
    read_text,
    safe_resolve,
)

__all__ = [
    "CATALOGUE",
    "DATA_SUFFIXES",
    "DEFAULT_PACK_NAME",
    "MANIFEST",
    "MAX_EXTENDS_DEPTH",
    "MAX_FILE_BYTES",
    "MAX_PACK_DEPTH",
    "MAX_PACK_ENTRIES",
    "SOURCES",
    "STDIN_SOURCE",
    "LoadedProfile",
    "_model_at",
    "decode",
    "default_pack_root",
    "load_data_file",
    "load_pack",
    "load_pack_collecting",
    "load_profile",
    "os_problem",
    "parse_profile_text",
    "profile_from_data",
    "read_bytes",
    "read_profile_stream",
    "read_stream",
    "read_text",
    "safe_resolve",
    "validation_problems",
]
