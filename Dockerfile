FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml README.md ./
COPY samkarta ./samkarta
COPY api ./api
COPY graph ./graph
COPY loaders ./loaders
COPY queries ./queries
COPY viz ./viz
RUN pip install --no-cache-dir . && useradd --create-home samkarta && mkdir -p /data && chown samkarta /data
USER samkarta
ENV SAMKARTA_HOST=0.0.0.0 SAMKARTA_DATA_DIR=/data
EXPOSE 8000
CMD ["samkarta", "serve"]
