#!/bin/bash
# Runs once, when the PostgreSQL container initialises an empty data directory
# (/docker-entrypoint-initdb.d). Each service gets its own role and its own database, which that
# role owns: no service can read another one's tables (ARCHITECTURE.md, "each service owns its data").
# Passwords come from the environment (.env), never from this file.
set -euo pipefail

create() { # database role password
  local database=$1 role=$2 password=$3
  if [ -z "$password" ]; then
    echo "postgres-init: no password for role $role (set it in .env)" >&2
    exit 1
  fi
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
       -v role="$role" -v password="$password" -v database="$database" <<'SQL'
CREATE ROLE :"role" LOGIN PASSWORD :'password';
CREATE DATABASE :"database" OWNER :"role";
REVOKE ALL ON DATABASE :"database" FROM PUBLIC;
SQL
}

create gateway          gateway          "${CPA_DB_PASSWORD_GATEWAY:-}"
create account          account          "${CPA_DB_PASSWORD_ACCOUNT:-}"
create training_rights  training_rights  "${CPA_DB_PASSWORD_TRAINING_RIGHTS:-}"
create hardship         hardship         "${CPA_DB_PASSWORD_HARDSHIP:-}"
create civic_engagement civic_engagement "${CPA_DB_PASSWORD_CIVIC_ENGAGEMENT:-}"
create catalogue        catalogue        "${CPA_DB_PASSWORD_CATALOGUE:-}"
