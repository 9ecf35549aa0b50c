package io.github.mcsync.demo.moodle;

import java.util.Objects;

/**
 * A Moodle course as the simulator stores it (the id is assigned by {@link MoodleSimulator#addCourse}).
 * Format "site" marks the front page (course 1); other courses use "topics".
 * Times of 0 for {@code timecreated}/{@code timemodified} are replaced by the simulator's "now" when added.
 */
public record SimulatedCourse(String shortname, String fullname, String idnumber, long categoryId,
                              boolean visible, String summary, String format, long startdate, long enddate, String lang,
                              long timecreated, long timemodified) {

    static final String SITE_FORMAT = "site";

    public SimulatedCourse {
        Objects.requireNonNull(shortname, "shortname");
        Objects.requireNonNull(fullname, "fullname");
    }

    boolean isSite() {
        return SITE_FORMAT.equals(format);
    }

    SimulatedCourse withTimes(long created, long modified) {
        return new SimulatedCourse(shortname, fullname, idnumber, categoryId, visible, summary, format, startdate,
                enddate, lang, created, modified);
    }

    public static Builder builder(String shortname, String fullname, long categoryId) {
        return new Builder(shortname, fullname, categoryId);
    }

    public static final class Builder {
        private final String shortname;
        private final String fullname;
        private final long categoryId;
        private String idnumber = "";
        private boolean visible = true;
        private String summary = "";
        private String format = "topics";
        private long startdate;
        private long enddate;
        private String lang = "";
        private long timecreated;
        private long timemodified;

        private Builder(String shortname, String fullname, long categoryId) {
            this.shortname = shortname;
            this.fullname = fullname;
            this.categoryId = categoryId;
        }

        public Builder idnumber(String v) { idnumber = v; return this; }
        public Builder visible(boolean v) { visible = v; return this; }
        /** HTML summary (summaryformat 1). */
        public Builder summary(String v) { summary = v; return this; }
        public Builder format(String v) { format = v; return this; }
        public Builder startdate(long v) { startdate = v; return this; }
        public Builder enddate(long v) { enddate = v; return this; }
        public Builder lang(String v) { lang = v; return this; }
        public Builder timecreated(long v) { timecreated = v; return this; }
        public Builder timemodified(long v) { timemodified = v; return this; }

        public SimulatedCourse build() {
            return new SimulatedCourse(shortname, fullname, idnumber, categoryId, visible, summary, format, startdate,
                    enddate, lang, timecreated, timemodified);
        }
    }
}
