package io.github.mcsync.moodle;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** core_webservice_get_site_info: who the token belongs to and which functions the web service offers. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MoodleSiteInfo(String sitename, String username, String release, List<Function> functions) {

    /** The functions this bundle calls (the last two when a replay reads a dead letter's enrolment again). */
    public static final List<String> REQUIRED = List.of("core_webservice_get_site_info", "core_course_get_courses",
            "core_enrol_get_enrolled_users", "core_user_get_users_by_field", "core_enrol_get_users_courses");

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Function(String name, String version) {
    }

    public List<String> missingFunctions() {
        List<String> offered = functions == null ? List.of() : functions.stream().map(Function::name).toList();
        return REQUIRED.stream().filter(f -> !offered.contains(f)).toList();
    }
}
