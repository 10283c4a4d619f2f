"""The knowledge base: seeds -> typed, validated YAML. Pure: stdlib, pydantic, yaml, rapidfuzz."""
