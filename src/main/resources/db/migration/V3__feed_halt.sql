-- A systemic halt (login refused, Moodle token invalid) survives restarts with the same configuration, so a
-- feed run from cron (--once) never costs CourseSales a second failed login. credential_fingerprint is a
-- SHA-256 of the endpoints and credentials in force when the feed halted (never the credentials themselves).
CREATE TABLE feed_halt (
    id                     INTEGER       NOT NULL PRIMARY KEY,
    reason                 VARCHAR(2000) NOT NULL,
    credential_fingerprint VARCHAR(64)   NOT NULL,
    halted_at              TIMESTAMP     NOT NULL
);
