-- When a dead letter became REPLAY_REQUESTED: a row left so by a crash (of this instance, or of another one sharing
-- the database) is reopened once it is older than replay.reopen-after. Rows requested before this version have none
-- and count as old.
ALTER TABLE dead_letter ADD COLUMN replay_requested_at TIMESTAMP;
