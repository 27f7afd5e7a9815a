"""Settings from the environment (and a .env file): store URI, Neo4j credentials, API token."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

_WEAK_TOKENS = {"changeme", "changethis", "secret", "token", "password"}


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_ignore_empty=True, extra="ignore")

    data_dir: Path = Field(default=Path.home() / ".local" / "share" / "samkarta", alias="SAMKARTA_DATA_DIR")
    store: str = Field(default="", alias="SAMKARTA_STORE")
    neo4j_user: str = Field(default="neo4j", alias="NEO4J_USER")
    neo4j_password: str = Field(default="", alias="NEO4J_PASSWORD")
    neo4j_database: str | None = Field(default=None, alias="NEO4J_DATABASE")
    # the Neo4j server's data directory as this machine sees it (a mounted volume): an erasure's scrub
    # reads the size of the string store there (graph/neo4j_scrub.py)
    neo4j_data_dir: Path | None = Field(default=None, alias="SAMKARTA_NEO4J_DATA_DIR")
    api_token: str = Field(default="", alias="SAMKARTA_API_TOKEN")
    host: str = Field(default="127.0.0.1", alias="SAMKARTA_HOST")
    port: int = Field(default=8000, alias="SAMKARTA_PORT")
    max_upload_mb: int = Field(default=50, ge=1, alias="SAMKARTA_MAX_UPLOAD_MB")
    # Host names the API answers to, comma-separated (default: loopback and SAMKARTA_HOST)
    allowed_hosts: str = Field(default="", alias="SAMKARTA_ALLOWED_HOSTS")
    # facts read with a confidence below it go to the review queue (/granska)
    review_threshold: float = Field(default=0.7, ge=0.0, le=1.0, alias="SAMKARTA_REVIEW_THRESHOLD")

    @field_validator("api_token")
    @classmethod
    def _refuse_default_secret(cls, value: str) -> str:
        if value and (value.casefold() in _WEAK_TOKENS or len(value) < 12):
            raise ValueError("SAMKARTA_API_TOKEN is too weak: use at least 12 random characters")
        return value

    @property
    def store_uri(self) -> str:
        return self.store or f"sqlite:///{self.data_dir / 'samkarta.db'}"


@cache
def get_settings() -> Settings:
    return Settings()
