"""Settings (TOML, validated on load) and the versioned data officials change: the catalogue."""
