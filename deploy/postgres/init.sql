-- Local (docker compose) only: creates one database and one owner role per service.
-- Runs once, when the postgres-data volume is empty (docker-entrypoint-initdb.d).
-- The passwords here are development defaults and must match docker-compose.yml.
-- Kubernetes does NOT use this file: deploy/postgres/postgres.yaml creates the same
-- roles/databases from a script that reads the passwords from the services' Secrets.

CREATE ROLE ingest WITH LOGIN PASSWORD 'ingest-dev-password';
CREATE DATABASE ingest OWNER ingest ENCODING 'UTF8';

CREATE ROLE classify WITH LOGIN PASSWORD 'classify-dev-password';
CREATE DATABASE classify OWNER classify ENCODING 'UTF8';

CREATE ROLE publish WITH LOGIN PASSWORD 'publish-dev-password';
CREATE DATABASE publish OWNER publish ENCODING 'UTF8';

CREATE ROLE console WITH LOGIN PASSWORD 'console-dev-password';
CREATE DATABASE console OWNER console ENCODING 'UTF8';

-- Nobody but the owner may connect to a service's database.
REVOKE ALL ON DATABASE ingest FROM PUBLIC;
REVOKE ALL ON DATABASE classify FROM PUBLIC;
REVOKE ALL ON DATABASE publish FROM PUBLIC;
REVOKE ALL ON DATABASE console FROM PUBLIC;
