-- The Moodle database source (moodle.source=db). How far Moodle's user_enrolments has been read (the high-water mark
-- on user_enrolments.id), and the rows seen above it that were not active yet (a future start, a suspended enrolment
-- or user, a disabled instance, no role yet): every poll reads those again and sends one once it is active.
CREATE TABLE db_source_mark (
    source     VARCHAR(20) NOT NULL PRIMARY KEY,  -- 'db'
    high_water BIGINT      NOT NULL,              -- every user_enrolments row up to this id is settled
    started    VARCHAR(10) NOT NULL,              -- moodle.start at the first start: now (baseline) or all (backfill)
    updated_at TIMESTAMP   NOT NULL
);
CREATE TABLE db_source_pending (
    enrolment_id  BIGINT      NOT NULL PRIMARY KEY,  -- user_enrolments.id
    reason        VARCHAR(40) NOT NULL,              -- NOT_STARTED, ENROLMENT_SUSPENDED, USER_SUSPENDED, ...
    first_seen_at TIMESTAMP   NOT NULL
);
