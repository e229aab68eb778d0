"""Loading the learned detector's packaged artefacts: one linear model per language + a manifest.

Files live in `hifazat/core/models/learned/`: `manifest.json` and `<language>.npz` (arrays only,
no pickles). Each npz holds the kept hashed feature ids as deltas (`keep_delta`, uint32), their IDF
(`idf`, float16), the int8 weight matrix (`weights_q`) with one float scale per column (`scale`)
and the intercepts (`bias`). When the manifest has an `embedding` section, `embedding.npz` holds the
embedding heads of the cascade's second stage (`weights`, float32 dim x heads, and `bias`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from io import BytesIO
from typing import Any

import numpy as np
from numpy.typing import NDArray

from hifazat.core.classifiers.embedding_heads import EmbeddingHeads
from hifazat.core.classifiers.hashed_features import FeatureSpec
from hifazat.core.classifiers.linear_model import HeadSpec, LinearModel
from hifazat.core.errors import NotFoundError

PACKAGE = "hifazat.core.models.learned"
MANIFEST = "manifest.json"
LANGUAGES = ("en", "roman-ur", "ur", "hi")


def file_stem(language: str) -> str:
    """`roman-ur` -> `roman_ur` (file names avoid dashes)."""
    return language.replace("-", "_")


def pack_arrays(
    keep: NDArray[np.int64], idf: NDArray[np.float32], weights: NDArray[np.float32], bias: NDArray[np.float32]
) -> dict[str, NDArray[Any]]:
    """The arrays of one artefact, quantised (the inverse of `unpack_arrays`)."""
    scale = np.abs(weights).max(axis=0) / 127.0
    scale[scale == 0] = 1.0
    q = np.clip(np.rint(weights / scale), -127, 127).astype(np.int8)
    delta = np.diff(np.concatenate([[0], keep])).astype(np.uint32)
    return {
        "keep_delta": delta,
        "idf": idf.astype(np.float16),
        "weights_q": q,
        "scale": scale.astype(np.float32),
        "bias": bias.astype(np.float32),
    }


def unpack_arrays(
    arrays: dict[str, NDArray[Any]],
) -> tuple[NDArray[np.int64], NDArray[np.float32], NDArray[np.float32], NDArray[np.float32]]:
    """keep, idf, weights (float32), bias from the stored arrays."""
    keep = np.cumsum(arrays["keep_delta"].astype(np.int64))
    weights = arrays["weights_q"].astype(np.float32) * arrays["scale"].astype(np.float32)
    return keep, arrays["idf"].astype(np.float32), weights, arrays["bias"].astype(np.float32)


def model_from(manifest_entry: dict[str, Any], arrays: dict[str, NDArray[Any]]) -> LinearModel:
    """A `LinearModel` from its manifest entry and arrays."""
    keep, idf, weights, bias = unpack_arrays(arrays)
    heads = {name: HeadSpec.from_json(name, h) for name, h in manifest_entry["heads"].items()}
    return LinearModel(FeatureSpec.from_json(manifest_entry["features"]), keep, idf, weights, bias, heads)


@dataclass(frozen=True)
class ModelBundle:
    """The manifest and the per-language models of the learned detector."""

    manifest: dict[str, Any]
    models: dict[str, LinearModel]
    embedding: EmbeddingHeads | None = None
    """The embedding heads (second stage), when the bundle has any."""

    @property
    def version(self) -> str:
        return str(self.manifest["version"])

    def model(self, language: str) -> LinearModel:
        try:
            return self.models[language]
        except KeyError:
            raise NotFoundError(f"no learned model for language {language!r}") from None

    @property
    def tasks(self) -> dict[str, Any]:
        return dict(self.manifest.get("tasks", {}))

    @property
    def policies(self) -> dict[str, dict[str, Any]]:
        return dict(self.manifest.get("policies", {}))


def load_bundle_from(files: dict[str, bytes]) -> ModelBundle:
    """A bundle from file contents (name -> bytes): `manifest.json` and the npz files it names."""
    if MANIFEST not in files:
        raise NotFoundError("learned-model manifest.json is missing", hint="run `hifazat train`")
    manifest = json.loads(files[MANIFEST].decode("utf-8"))
    models: dict[str, LinearModel] = {}
    for language, entry in manifest["languages"].items():
        blob = files.get(entry["file"])
        if blob is None:
            raise NotFoundError(f"learned-model file {entry['file']} is missing", hint="run `hifazat train`")
        models[language] = model_from(entry, _npz(blob))
    return ModelBundle(manifest, models, _embedding_heads(manifest, files))


def _npz(blob: bytes) -> dict[str, NDArray[Any]]:
    with np.load(BytesIO(blob), allow_pickle=False) as data:
        return {k: data[k] for k in data.files}


def _embedding_heads(manifest: dict[str, Any], files: dict[str, bytes]) -> EmbeddingHeads | None:
    entry = manifest.get("embedding")
    if not entry:
        return None
    blob = files.get(entry["file"])
    if blob is None:
        raise NotFoundError(f"learned-model file {entry['file']} is missing", hint="run `hifazat train`")
    return EmbeddingHeads.from_manifest(entry, _npz(blob))


def read_bundle_files(directory: Any) -> dict[str, bytes]:
    """Manifest and npz contents from a directory (a `Path` or an importlib `Traversable`)."""
    files: dict[str, bytes] = {}
    manifest_path = directory.joinpath(MANIFEST)
    if not manifest_path.is_file():
        return files
    files[MANIFEST] = manifest_path.read_bytes()
    manifest = json.loads(files[MANIFEST].decode("utf-8"))
    names = [entry["file"] for entry in manifest["languages"].values()]
    if manifest.get("embedding"):
        names.append(manifest["embedding"]["file"])
    for name in names:
        path = directory.joinpath(name)
        if path.is_file():
            files[name] = path.read_bytes()
    return files


@cache
def default_bundle() -> ModelBundle:
    """The packaged bundle (loaded once per process)."""
    return load_bundle_from(read_bundle_files(resources.files(PACKAGE)))
