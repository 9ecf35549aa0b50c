package io.github.mcsync.demo.moodle;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.mcsync.demo.moodle.MoodleSiteData.CategoryRow;
import io.github.mcsync.demo.moodle.MoodleSiteData.CourseRow;
import io.github.mcsync.demo.moodle.MoodleSiteData.EnrolledUser;
import io.github.mcsync.demo.moodle.MoodleSiteData.ProfileField;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Builds response bodies with the key order, omissions and escaping of Moodle 4.5 (see the fixtures):
 * user records leave out empty fields except "department"; course and category names pass through
 * format_string ("&" becomes "&amp;").
 */
final class MoodleJson {

    static final ObjectMapper MAPPER = new ObjectMapper();

    static final String VERSION = "2024100700";
    static final String RELEASE = "4.5 (Build: 20241007)";
    /** Theme revision in image URLs, as on the captured site. */
    static final long THEME_REVISION = 1795431472L;

    /** The functions of the captured site's external service, in its order. */
    static final List<String> SERVICE_FUNCTIONS = List.of(
            "core_course_create_categories", "core_course_create_courses", "core_course_get_categories",
            "core_course_get_courses", "core_course_update_courses", "core_course_get_courses_by_field",
            "core_enrol_get_course_enrolment_methods", "core_enrol_get_enrolled_users",
            "core_enrol_get_users_courses", "core_user_create_users", "core_user_get_users",
            "core_user_get_users_by_field", "core_webservice_get_site_info", "enrol_manual_enrol_users",
            "enrol_manual_unenrol_users");

    private static final List<Map.Entry<String, Integer>> ADVANCED_FEATURES = List.of(
            Map.entry("usecomments", 1), Map.entry("usetags", 1), Map.entry("enablenotes", 1),
            Map.entry("messaging", 1), Map.entry("enableblogs", 1), Map.entry("enablecompletion", 1),
            Map.entry("enablebadges", 1), Map.entry("messagingallusers", 0), Map.entry("enablecustomreports", 1),
            Map.entry("enableglobalsearch", 0), Map.entry("mnet_dispatcher_mode", 0),
            Map.entry("enablecompetencies", 1));

    private static final Pattern AMPERSAND_NOT_ENTITY = Pattern.compile("&(?![a-zA-Z0-9#]{1,8};)");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");

    private MoodleJson() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    static ObjectNode error(MoodleError e) {
        return object().put("exception", e.exceptionClass()).put("errorcode", e.errorcode())
                .put("message", e.getMessage());
    }

    static ObjectNode siteInfo(SimulatedCourse site, long adminId, SimulatedUser admin, String wwwroot) {
        ObjectNode info = object()
                .put("sitename", formatString(site.fullname()))
                .put("username", admin.username())
                .put("firstname", admin.firstname())
                .put("lastname", admin.lastname())
                .put("fullname", admin.fullname())
                .put("lang", "en")
                .put("userid", adminId)
                .put("siteurl", wwwroot)
                .put("userpictureurl", pictureUrl(wwwroot, "f1"));
        ArrayNode functions = info.putArray("functions");
        SERVICE_FUNCTIONS.forEach(f -> functions.addObject().put("name", f).put("version", VERSION));
        info.put("downloadfiles", 0).put("uploadfiles", 0).put("release", RELEASE).put("version", VERSION)
                .put("mobilecssurl", "");
        ArrayNode features = info.putArray("advancedfeatures");
        ADVANCED_FEATURES.forEach(f -> features.addObject().put("name", f.getKey()).put("value", f.getValue()));
        return info.put("usercanmanageownfiles", true)
                .put("userquota", 0)
                .put("usermaxuploadfilesize", -1)
                .put("userhomepage", 1)
                .put("userprivateaccesskey", "0".repeat(32))
                .put("siteid", MoodleSiteData.SITE_COURSE_ID)
                .put("sitecalendartype", "gregorian")
                .put("usercalendartype", "gregorian")
                .put("userissiteadmin", true)
                .put("theme", "boost")
                .put("limitconcurrentlogins", 0)
                .put("policyagreed", 0);
    }

    /** A core_course_get_courses entry; the front page ("site" format) differs in a few fields. */
    static ObjectNode course(CourseRow row) {
        SimulatedCourse c = row.course();
        boolean site = c.isSite();
        ObjectNode json = object()
                .put("id", row.id())
                .put("shortname", formatString(c.shortname()))
                .put("categoryid", c.categoryId())
                .put("categorysortorder", row.sortorder())
                .put("fullname", formatString(c.fullname()))
                .put("displayname", formatString(c.fullname()))
                .put("idnumber", c.idnumber())
                .put("summary", c.summary())
                .put("summaryformat", 1)
                .put("format", c.format())
                .put("showgrades", 1)
                .put("newsitems", site ? 3 : 5)
                .put("startdate", c.startdate())
                .put("enddate", c.enddate())
                .put("numsections", site ? 1 : 0)
                .put("maxbytes", 0)
                .put("showreports", 0)
                .put("visible", c.visible() ? 1 : 0);
        if (!site) {
            json.put("hiddensections", 1);
        }
        json.put("groupmode", 0)
                .put("groupmodeforce", 0)
                .put("defaultgroupingid", 0)
                .put("timecreated", c.timecreated())
                .put("timemodified", c.timemodified())
                .put("enablecompletion", site ? 0 : 1)
                .put("completionnotify", 0)
                .put("lang", c.lang())
                .put("forcetheme", "");
        ArrayNode options = json.putArray("courseformatoptions");
        if (site) {
            options.addObject().put("name", "numsections").put("value", 1);
        } else {
            options.addObject().put("name", "hiddensections").put("value", 1);
            options.addObject().put("name", "coursedisplay").put("value", 0);
        }
        json.put("showactivitydates", false);
        return site ? json.putNull("showcompletionconditions") : json.put("showcompletionconditions", true);
    }

    static ObjectNode category(CategoryRow row) {
        SimulatedCategory c = row.category();
        return object()
                .put("id", row.id())
                .put("name", formatString(c.name()))
                .put("idnumber", c.idnumber())
                .put("description", c.description() == null ? "" : c.description())
                .put("descriptionformat", 1)
                .put("parent", c.parentId())
                .put("sortorder", row.sortorder())
                .put("coursecount", row.coursecount())
                .put("visible", 1)
                .put("visibleold", 1)
                .put("timemodified", c.timemodified())
                .put("depth", row.depth())
                .put("path", row.path())
                .put("theme", "");
    }

    /** A core_enrol_get_enrolled_users record with every field Moodle returns for an admin token. */
    static ObjectNode enrolledUser(EnrolledUser e, List<ProfileField> profileFields, String wwwroot) {
        SimulatedUser u = e.user();
        ObjectNode json = object()
                .put("id", e.id())
                .put("username", u.username())
                .put("firstname", u.firstname())
                .put("lastname", u.lastname())
                .put("fullname", u.fullname());
        putIfNotEmpty(json, "email", u.email());
        putIfNotEmpty(json, "address", u.address());
        putIfNotEmpty(json, "phone1", u.phone1());
        putIfNotEmpty(json, "phone2", u.phone2());
        json.put("department", u.department());
        putIfNotEmpty(json, "institution", u.institution());
        putIfNotEmpty(json, "idnumber", u.idnumber());
        json.put("firstaccess", 0).put("lastaccess", 0).put("lastcourseaccess", 0);
        putIfNotEmpty(json, "city", u.city());
        putIfNotEmpty(json, "country", u.country());
        json.put("profileimageurlsmall", pictureUrl(wwwroot, "f2")).put("profileimageurl", pictureUrl(wwwroot, "f1"));

        ArrayNode customfields = array();
        profileFields.stream().filter(f -> !u.customFields().getOrDefault(f.shortname(), "").isEmpty())
                .forEach(f -> customfields.addObject().put("type", "text")
                        .put("value", u.customFields().get(f.shortname()))
                        .put("name", f.name()).put("shortname", f.shortname()));
        putIfNotEmpty(json, "customfields", customfields);

        ArrayNode roles = array();
        e.roles().forEach(r -> roles.addObject().put("roleid", r.id()).put("name", "")
                .put("shortname", r.shortname()).put("sortorder", 0));
        putIfNotEmpty(json, "roles", roles);

        ArrayNode courses = array();
        e.activeCourses().stream().filter(c -> !c.course().isSite())
                .forEach(c -> courses.addObject().put("id", c.id())
                        .put("fullname", formatString(c.course().fullname()))
                        .put("shortname", formatString(c.course().shortname())));
        putIfNotEmpty(json, "enrolledcourses", courses);
        return json;
    }

    /** Moodle's format_string() with default settings: escape stray "&", strip tags, escape "<" and ">". */
    static String formatString(String text) {
        String escaped = AMPERSAND_NOT_ENTITY.matcher(text).replaceAll("&amp;");
        return TAG.matcher(escaped).replaceAll("").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String pictureUrl(String wwwroot, String size) {
        return wwwroot + "/theme/image.php/boost/core/" + THEME_REVISION + "/u/" + size;
    }

    static void putIfNotEmpty(ObjectNode json, String key, String value) {
        if (value != null && !value.isEmpty()) {
            json.put(key, value);
        }
    }

    static void putIfNotEmpty(ObjectNode json, String key, ArrayNode value) {
        if (!value.isEmpty()) {
            json.set(key, value);
        }
    }
}
