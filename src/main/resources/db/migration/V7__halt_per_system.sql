-- A halt per system (moodle, coursesales): a Moodle halt no longer hides a CourseSales refusal. The fingerprint of
-- the endpoint and credentials in force when the system refused is a salted slow hash (PBKDF2, a random salt per
-- row stored beside it): "pbkdf2-sha256:<iterations>:<hash, base64>". Rows kept from feed_halt (V3, V4) hold their
-- old unsalted fingerprint and no salt; they are read once more, then rewritten salted or dropped.
CREATE TABLE system_halt (
    system_name      VARCHAR(20)   NOT NULL PRIMARY KEY,
    reason_code      VARCHAR(100),
    reason           VARCHAR(2000) NOT NULL,
    fingerprint      VARCHAR(200)  NOT NULL,
    fingerprint_salt VARCHAR(100),
    halted_at        TIMESTAMP     NOT NULL
);
INSERT INTO system_halt (system_name, reason_code, reason, fingerprint, fingerprint_salt, halted_at)
SELECT CASE WHEN credential_fingerprint LIKE 'moodle:%' THEN 'moodle'
            WHEN credential_fingerprint LIKE 'coursesales:%' THEN 'coursesales'
            WHEN reason LIKE 'Moodle refused%' THEN 'moodle'
            ELSE 'coursesales' END,
       NULL, reason, credential_fingerprint, NULL, halted_at
FROM feed_halt;
DROP TABLE feed_halt;
