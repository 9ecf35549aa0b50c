-- A dead letter must never fail to be written: the payload holds every custom profile field of a user.
ALTER TABLE dead_letter ALTER COLUMN payload SET DATA TYPE VARCHAR(1000000);
-- A halt is fingerprinted per system ("coursesales:<sha256>" or "moodle:<sha256>").
ALTER TABLE feed_halt ALTER COLUMN credential_fingerprint SET DATA TYPE VARCHAR(100);
