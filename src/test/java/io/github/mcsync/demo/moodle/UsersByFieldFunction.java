package io.github.mcsync.demo.moodle;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.mcsync.demo.moodle.MoodleFunctions.Result;
import io.github.mcsync.demo.moodle.MoodleSiteData.ProfileField;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * core_user_get_users_by_field(field, values[]): the users whose {@code field} (id, idnumber, username, email) equals
 * one of the values, in id order, as the fixtures show them (core_user_get_users_by_field__id.json): a value that
 * matches nobody is left out ({@code []} when none match); another field, no values, a non-integer id or a username
 * that is not lower case is "Invalid parameter value detected". The guest and admin accounts are listed like others.
 */
final class UsersByFieldFunction implements Function<RestParameters, Result> {
    private static final Set<String> FIELDS = Set.of("id", "idnumber", "username", "email");

    private final MoodleSiteData site;
    private final Supplier<String> wwwroot;

    UsersByFieldFunction(MoodleSiteData site, Supplier<String> wwwroot) {
        this.site = site;
        this.wwwroot = wwwroot;
    }

    @Override
    public Result apply(RestParameters params) {
        params.requireOnly("field", "values");
        String field = params.value("field");
        List<String> values = params.child("values").values();
        if (field == null || !FIELDS.contains(field) || values.isEmpty()) {
            throw MoodleError.invalidParameter();
        }
        for (String v : values) {
            boolean badId = "id".equals(field) && !v.matches("\\d{1,18}");
            boolean badUsername = "username".equals(field) && !v.equals(v.toLowerCase(Locale.ROOT));
            if (badId || badUsername) {
                throw MoodleError.invalidParameter();
            }
        }
        BiPredicate<Long, SimulatedUser> matches = switch (field) {
            case "id" -> (id, u) -> values.contains(Long.toString(id));
            case "idnumber" -> (id, u) -> !u.idnumber().isEmpty() && values.contains(u.idnumber());
            case "username" -> (id, u) -> values.contains(u.username());
            default -> (id, u) -> !u.email().isEmpty() && values.contains(u.email());
        };
        List<ProfileField> profileFields = site.profileFields();
        String root = wwwroot.get();
        ArrayNode body = MoodleJson.array();
        site.users().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .filter(e -> matches.test(e.getKey(), e.getValue()))
                .forEach(e -> body.add(user(e.getKey(), e.getValue(), profileFields, root)));
        return new Result(body, null);
    }

    /** A user record with the keys and order of the fixture (empty values left out, "department" always there). */
    static ObjectNode user(long id, SimulatedUser u, List<ProfileField> profileFields, String wwwroot) {
        ObjectNode json = MoodleJson.object()
                .put("id", id)
                .put("username", u.username())
                .put("firstname", u.firstname())
                .put("lastname", u.lastname())
                .put("fullname", u.fullname());
        MoodleJson.putIfNotEmpty(json, "email", u.email());
        MoodleJson.putIfNotEmpty(json, "address", u.address());
        MoodleJson.putIfNotEmpty(json, "phone1", u.phone1());
        MoodleJson.putIfNotEmpty(json, "phone2", u.phone2());
        json.put("department", u.department());
        MoodleJson.putIfNotEmpty(json, "institution", u.institution());
        MoodleJson.putIfNotEmpty(json, "idnumber", u.idnumber());
        json.put("firstaccess", 0).put("lastaccess", 0).put("auth", "manual").put("suspended", false)
                .put("confirmed", true).put("lang", "en").put("theme", "").put("timezone", "99").put("mailformat", 1)
                .put("trackforums", 0);
        MoodleJson.putIfNotEmpty(json, "city", u.city());
        MoodleJson.putIfNotEmpty(json, "country", u.country());
        json.put("profileimageurlsmall", MoodleJson.pictureUrl(wwwroot, "f2"))
                .put("profileimageurl", MoodleJson.pictureUrl(wwwroot, "f1"));
        ArrayNode customfields = MoodleJson.array();
        profileFields.stream().filter(f -> !u.customFields().getOrDefault(f.shortname(), "").isEmpty())
                .forEach(f -> customfields.addObject().put("type", "text")
                        .put("value", u.customFields().get(f.shortname()))
                        .put("displayvalue", u.customFields().get(f.shortname()))
                        .put("name", f.name()).put("shortname", f.shortname()));
        MoodleJson.putIfNotEmpty(json, "customfields", customfields);
        return json;
    }
}
