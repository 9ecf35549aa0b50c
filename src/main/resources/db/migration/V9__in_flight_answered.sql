-- When CourseSales answered a submission whose outcome is still unknown (INTERNAL_ERROR, an HTTP 5xx, a SOAP Server
-- fault): CourseSales is done with it, so FindDocuments can tell at once. NULL while no answer came (a time-out, a
-- reset, a crash): then the mark is looked up only once it is older than the receive time-out plus
-- coursesales.unknown-outcome-grace.
ALTER TABLE in_flight ADD COLUMN answered_at TIMESTAMP;
