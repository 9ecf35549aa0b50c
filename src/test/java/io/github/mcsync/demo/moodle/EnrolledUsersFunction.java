package io.github.mcsync.demo.moodle;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.mcsync.demo.moodle.MoodleFunctions.Result;
import io.github.mcsync.demo.moodle.MoodleSiteData.EnrolledUser;
import io.github.mcsync.demo.moodle.MoodleSiteData.ProfileField;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * core_enrol_get_enrolled_users(courseid, options[]): the users of a course ordered by user id, with the
 * options onlyactive, onlysuspended, userfields, limitfrom, limitnumber (0 = no limit), sortby
 * (id, firstname, lastname; siteorder sorts by id here) and sortdirection. withcapability and groupid are
 * accepted and ignored (no capabilities or groups are simulated). A user hidden from the web-service user
 * ({@link MoodleSimulator#hideFromWebService}) takes a place in the page but is left out of it, so a page in the
 * middle of the list can be short.
 */
final class EnrolledUsersFunction implements Function<RestParameters, Result> {

    /** Every key of a returned user, in Moodle's order (XML lists them all, JSON only those with a value). */
    static final MoodleXml.RecordShape USER_SHAPE = new MoodleXml.RecordShape(List.of(
            "id", "username", "firstname", "lastname", "fullname", "email", "address", "phone1", "phone2",
            "department", "institution", "idnumber", "interests", "firstaccess", "lastaccess", "lastcourseaccess",
            "description", "descriptionformat", "city", "country", "profileimageurlsmall", "profileimageurl",
            "customfields", "groups", "roles", "preferences", "enrolledcourses"),
            Set.of("customfields", "groups", "roles", "preferences", "enrolledcourses"));

    /** Returned whatever userfields asks for: id and fullname always, phone1/phone2 for an admin token. */
    private static final Set<String> ALWAYS_RETURNED = Set.of("id", "fullname", "phone1", "phone2");
    private static final Set<String> SORT_FIELDS = Set.of("id", "firstname", "lastname", "siteorder");
    private static final Pattern LEADING_INT = Pattern.compile("^\\s*([+-]?\\d{1,18})");

    private final MoodleSiteData site;
    private final Supplier<String> wwwroot;

    EnrolledUsersFunction(MoodleSiteData site, Supplier<String> wwwroot) {
        this.site = site;
        this.wwwroot = wwwroot;
    }

    @Override
    public Result apply(RestParameters params) {
        params.requireOnly("courseid", "options");
        long courseId = params.requiredInt("courseid");
        Map<String, String> options = params.child("options").pairs("name", "value");

        String sortby = options.getOrDefault("sortby", "id");
        String direction = options.getOrDefault("sortdirection", "ASC").toUpperCase();
        if (!SORT_FIELDS.contains(sortby) || !Set.of("ASC", "DESC").contains(direction)) {
            throw MoodleError.invalidParameter();
        }
        boolean onlyActive = phpTrue(options.get("onlyactive"));
        boolean onlySuspended = phpTrue(options.get("onlysuspended"));
        if (onlyActive && onlySuspended) {
            throw MoodleError.codingError(
                    "Both onlyactive and onlysuspended are set, this is probably not what you want!");
        }
        long limitFrom = Math.max(0, phpInt(options.get("limitfrom")));
        long limitNumber = phpInt(options.get("limitnumber"));
        Set<String> userfields = userfields(options.get("userfields"));

        Comparator<EnrolledUser> order = comparator(sortby);
        List<EnrolledUser> users = site.enrolledUsers(courseId, all -> all
                        .filter(u -> !onlyActive || u.active())
                        .filter(u -> !onlySuspended || !u.active())
                        .sorted("DESC".equals(direction) ? order.reversed() : order)
                        .skip(limitFrom)
                        .limit(limitNumber > 0 ? limitNumber : Long.MAX_VALUE)
                        // Moodle pages in SQL, then leaves out users the web-service user may not see: a short page
                        .filter(u -> !site.hiddenFromWebService(u.id())))
                .orElseThrow(() -> MoodleError.missingRecord("course"));
        List<ProfileField> profileFields = site.profileFields();
        String root = wwwroot.get();
        ArrayNode body = MoodleJson.array();
        users.forEach(u -> {
            ObjectNode record = MoodleJson.enrolledUser(u, profileFields, root);
            if (!userfields.isEmpty()) {
                record.retain(userfields);
            }
            body.add(record);
        });
        return new Result(body, USER_SHAPE);
    }

    private static Comparator<EnrolledUser> comparator(String sortby) {
        Comparator<EnrolledUser> byId = Comparator.comparingLong(EnrolledUser::id);
        return switch (sortby) {
            case "firstname" -> Comparator.comparing((EnrolledUser u) -> u.user().firstname()).thenComparing(byId);
            case "lastname" -> Comparator.comparing((EnrolledUser u) -> u.user().lastname()).thenComparing(byId);
            default -> byId;
        };
    }

    /** The requested fields (PARAM_ALPHANUMEXT-cleaned) plus those always returned; empty = every field. */
    private static Set<String> userfields(String option) {
        if (option == null) {
            return Set.of();
        }
        Set<String> fields = new HashSet<>(ALWAYS_RETURNED);
        Arrays.stream(option.split(",")).map(f -> f.replaceAll("[^A-Za-z0-9_-]", ""))
                .filter(f -> !f.isEmpty()).forEach(fields::add);
        return fields;
    }

    /** PHP !empty($value). */
    private static boolean phpTrue(String value) {
        return value != null && !value.isEmpty() && !"0".equals(value);
    }

    /** PHP (int)$value: the leading integer, else 0. */
    private static long phpInt(String value) {
        Matcher m = LEADING_INT.matcher(value == null ? "" : value);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }
}
