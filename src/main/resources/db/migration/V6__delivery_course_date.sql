-- Which CourseSales course date a delivered registration went to, and how it was chosen (several Scheduled course
-- dates may carry one Moodle course id: the one starting nearest on or after the enrolment is taken).
ALTER TABLE delivery ADD COLUMN course_date_id INTEGER;
ALTER TABLE delivery ADD COLUMN course_date_choice VARCHAR(500);
