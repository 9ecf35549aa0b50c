-- The AVETMISS Client Identifier given to each Moodle user. A row is never updated: once assigned, the
-- identifier stays, whatever later happens to the username or to identity.strategy.
CREATE TABLE identity_assignment (
    moodle_user_id         BIGINT       NOT NULL PRIMARY KEY,
    identifier             VARCHAR(10),            -- NULL: sequential, we send none and CourseSales numbers the client
    strategy               VARCHAR(30)  NOT NULL,  -- identity.strategy when assigned, e.g. username
    username_at_assignment VARCHAR(100),
    assigned_at            TIMESTAMP    NOT NULL,
    -- one holder per identifier (NULLs do not collide); also settles two instances racing for one value
    CONSTRAINT identity_assignment_identifier UNIQUE (identifier)
);
