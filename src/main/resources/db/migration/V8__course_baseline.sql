-- Per course: the baseline of moodle.start=now, one row per role of moodle.roles it covers. A course seen for the
-- first time (made visible, added to moodle.courses) or a role added to moodle.roles gets its own baseline instead
-- of backfilling its history. The site-wide baseline of source_state (V1) is read as covering the courses that
-- already have deliveries.
CREATE TABLE course_baseline (
    source         VARCHAR(20)  NOT NULL,
    course_id      BIGINT       NOT NULL,
    role_name      VARCHAR(100) NOT NULL,
    baseline_at    TIMESTAMP    NOT NULL,
    baseline_count INTEGER      NOT NULL,
    PRIMARY KEY (source, course_id, role_name)
);
