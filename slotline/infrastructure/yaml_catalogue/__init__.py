"""The business catalogue as a YAML file: schema, loader and the bundled sample."""

from slotline.infrastructure.yaml_catalogue.loader import (
    CatalogueFileInvalid,
    YamlCatalogueLoader,
    load_catalogue,
    sample_catalogue_path,
)

__all__ = ["CatalogueFileInvalid", "YamlCatalogueLoader", "load_catalogue", "sample_catalogue_path"]
