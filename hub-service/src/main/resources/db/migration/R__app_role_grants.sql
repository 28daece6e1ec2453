-- The application's own database role (HUB_DB_APP_ROLE; Flyway placeholder approle) gets exactly what
-- it needs, and on audit_event only SELECT and INSERT: it cannot rewrite history even if it tried.
-- Flyway itself runs as the schema owner (HUB_DB_MIGRATION_USER), so the role the service runs as
-- owns nothing and cannot disable the append-only triggers either.
-- Re-run whenever this file or the role changes: app role = '${approle}'.
DO $grants$
DECLARE
    app text := '${approle}';
BEGIN
    IF app = '' OR NOT EXISTS (SELECT FROM pg_roles WHERE rolname = app) THEN
        RAISE NOTICE 'no application role to grant to (approle=%): the service connects as the owner', app;
        RETURN;
    END IF;
    EXECUTE format('GRANT USAGE ON SCHEMA public TO %I', app);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %I', app);
    EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO %I', app);
    EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON audit_event FROM %I', app);
    EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON case_action FROM %I', app);
    EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON sign_in_event FROM %I', app);
    EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON access_log FROM %I', app);
    EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON trail_request FROM %I', app);
    EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON trail_request_outcome FROM %I', app);
    EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON data_quality_exception FROM %I', app);
    EXECUTE format('REVOKE ALL ON flyway_schema_history FROM %I', app);
    EXECUTE format('GRANT SELECT ON flyway_schema_history TO %I', app);
END
$grants$;
