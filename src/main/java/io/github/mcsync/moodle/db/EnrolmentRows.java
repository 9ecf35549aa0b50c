package io.github.mcsync.moodle.db;

import io.github.mcsync.enrolment.Enrolment;
import io.github.mcsync.increment.EnrolmentRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the rows of the database source's enrolment query (routes/moodle-db-source.camel.yaml; one row per
 * user_enrolments row and role the user holds in the course context) into what the rules read and the canonical
 * Enrolment the rest of the flow sees, the same fields as the REST source fills. Empty Moodle values are null, as the
 * REST source leaves them out. Column types differ between PostgreSQL and MariaDB (a MariaDB TINYINT(1) reads as a
 * boolean): values are read as numbers or booleans alike.
 */
public final class EnrolmentRows {

    /** One user_enrolments row: what the rules read, and the enrolment it is (custom profile fields not yet read). */
    public record Read(EnrolmentRules.Row row, Enrolment enrolment) {
    }

    private EnrolmentRows() {
    }

    /** Groups the query's rows by user_enrolments.id (in the order read) and maps each. */
    public static List<Read> read(List<Map<String, Object>> rows) {
        Map<Long, List<Map<String, Object>>> byId = new LinkedHashMap<>();
        for (Map<String, Object> r : rows) {
            byId.computeIfAbsent(number(r.get("ue_id")), k -> new ArrayList<>()).add(r);
        }
        List<Read> out = new ArrayList<>(byId.size());
        byId.forEach((id, group) -> out.add(one(id, group)));
        return out;
    }

    private static Read one(long id, List<Map<String, Object>> group) {
        Map<String, Object> r = group.get(0);
        List<String> roles = new ArrayList<>();
        for (Map<String, Object> g : group) {
            String role = text(g.get("role_shortname"));
            if (role != null && !roles.contains(role)) {
                roles.add(role);
            }
        }
        Long courseId = nullableNumber(r.get("course_id"));
        Long category = nullableNumber(r.get("course_category"));
        Long userId = nullableNumber(r.get("user_id"));
        Long instanceStatus = nullableNumber(r.get("e_status"));
        long timeStart = number(r.get("ue_timestart"));
        EnrolmentRules.Row rules = new EnrolmentRules.Row(id, (int) number(r.get("ue_status")), timeStart,
                number(r.get("ue_timeend")), instanceStatus == null ? null : instanceStatus.intValue(), courseId,
                flag(r.get("course_visible")), "site".equals(text(r.get("course_format"))) || (category != null && category == 0),
                userId == null ? null : flag(r.get("user_deleted")), flag(r.get("user_suspended")), roles);
        Enrolment e = userId == null || courseId == null ? null : new Enrolment(userId, text(r.get("username")),
                text(r.get("firstname")), text(r.get("lastname")), text(r.get("email")), text(r.get("phone1")),
                text(r.get("phone2")), text(r.get("user_idnumber")), text(r.get("institution")),
                text(r.get("department")), text(r.get("city")), text(r.get("country")), Map.of(), courseId,
                text(r.get("course_shortname")), text(r.get("course_fullname")), text(r.get("course_idnumber")),
                category == null ? 0 : category, id, roles, nullableNumber(r.get("ue_timecreated")), timeStart, "db", null);
        return new Read(rules, e);
    }

    /** The enrolment with the user's custom profile fields (shortname to value; empty values are left out). */
    public static Enrolment withProfile(Enrolment e, Map<String, String> fields) {
        return new Enrolment(e.userId(), e.username(), e.firstName(), e.lastName(), e.email(), e.phone1(), e.phone2(),
                e.userIdnumber(), e.institution(), e.department(), e.city(), e.country(), fields, e.courseId(),
                e.courseShortname(), e.courseFullname(), e.courseIdnumber(), e.categoryId(), e.enrolmentId(), e.roles(),
                e.timeCreated(), e.timeStart(), e.source(), e.sourceReference());
    }

    /** The rows of the profile query (userid, shortname, data) by user id. */
    public static Map<Long, Map<String, String>> profiles(List<Map<String, Object>> rows) {
        Map<Long, Map<String, String>> out = new LinkedHashMap<>();
        for (Map<String, Object> r : rows) {
            String value = text(r.get("data"));
            String name = text(r.get("shortname"));
            if (value != null && name != null) {
                out.computeIfAbsent(number(r.get("userid")), k -> new LinkedHashMap<>()).put(name, value);
            }
        }
        return out;
    }

    static String text(Object v) {
        if (v == null) {
            return null;
        }
        String s = v.toString();
        return s.isEmpty() ? null : s;
    }

    static long number(Object v) {
        Long n = nullableNumber(v);
        return n == null ? 0 : n;
    }

    static Long nullableNumber(Object v) {
        if (v instanceof Number n) {
            return n.longValue();
        }
        if (v instanceof Boolean b) {
            return b ? 1L : 0L;
        }
        return v == null ? null : Long.valueOf(v.toString().strip());
    }

    static boolean flag(Object v) {
        return number(v) != 0;
    }
}
