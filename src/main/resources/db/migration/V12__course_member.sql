-- Version 12 (issue 8, item 10): who is enrolled in each watched course, as the REST
-- source last read it (active, or suspended / expired / not yet started: onlysuspended=1), and which enrolment of the
-- user in the course this is. A user the source saw leave the course (in neither list, confirmed by a second read)
-- is no longer present; when that user is seen enrolled again, the generation goes up and the enrolment gets a new
-- source reference (moodle:c<course>:u<user>:g<generation>; generation 1 keeps moodle:c<course>:u<user>).
CREATE TABLE course_member (
    course_id  BIGINT    NOT NULL,
    user_id    BIGINT    NOT NULL,
    generation INTEGER   NOT NULL,
    present    BOOLEAN   NOT NULL,
    changed_at TIMESTAMP NOT NULL,
    PRIMARY KEY (course_id, user_id)
);
