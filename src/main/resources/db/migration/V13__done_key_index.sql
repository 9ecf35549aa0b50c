-- Version 13 (issue 12): an index on the done keys by key alone. Which keys of a page are done is asked with
-- "processorName = ? AND messageId IN (500 keys)"; H2 uses an IN list with an index only when the list's column leads
-- the index, so with the primary key (processorName, messageId) alone it read every done key of the processor for
-- every page (0.2 s a page at 24,000 done keys, growing with them: most of an idle REST poll). PostgreSQL and MariaDB
-- answer from the primary key either way; the index costs them a little on insert.
CREATE INDEX camel_messageprocessed_message_id ON CAMEL_MESSAGEPROCESSED (messageId);
