package io.github.mcsync.demo.moodle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.github.mcsync.demo.moodle.MoodleSiteData.CategoryRow;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The web-service functions the simulator answers, by wsfunction name. A function of the captured service
 * that is not simulated answers like one outside the token's service (accessexception); a name Moodle
 * does not know answers "Can't find data record in database table external_functions.".
 */
final class MoodleFunctions {

    /** A function's answer; {@code recordShape} lists the record keys Moodle's XML form writes for a list. */
    record Result(JsonNode body, MoodleXml.RecordShape recordShape) {
    }

    private final MoodleSiteData site;
    private final Supplier<String> wwwroot;
    private final Map<String, Function<RestParameters, Result>> functions;

    MoodleFunctions(MoodleSiteData site, Supplier<String> wwwroot) {
        this.site = site;
        this.wwwroot = wwwroot;
        this.functions = Map.of(
                "core_webservice_get_site_info", this::siteInfo,
                "core_course_get_courses", this::courses,
                "core_course_get_categories", this::categories,
                "core_enrol_get_enrolled_users", new EnrolledUsersFunction(site, wwwroot),
                "core_user_get_users_by_field", new UsersByFieldFunction(site, wwwroot),
                "core_enrol_get_users_courses", new UsersCoursesFunction(site, wwwroot));
    }

    /** @param params the function's own parameters (without wstoken, wsfunction, moodlewsrestformat) */
    Result call(String wsfunction, RestParameters params) {
        Function<RestParameters, Result> function = functions.get(wsfunction);
        if (function != null) {
            return function.apply(params);
        }
        throw MoodleJson.SERVICE_FUNCTIONS.contains(wsfunction)
                ? MoodleError.accessException()
                : MoodleError.missingRecord("external_functions");
    }

    private Result siteInfo(RestParameters params) {
        params.requireOnly("serviceshortnames");
        SimulatedCourse front = site.courses().stream().filter(c -> c.id() == MoodleSiteData.SITE_COURSE_ID)
                .findFirst().orElseThrow().course();
        SimulatedUser admin = site.user(MoodleSiteData.ADMIN_USER_ID).orElseThrow();
        return new Result(MoodleJson.siteInfo(front, MoodleSiteData.ADMIN_USER_ID, admin, wwwroot.get()), null);
    }

    /** All courses in table order, or those of {@code options[ids][]}. */
    private Result courses(RestParameters params) {
        RestParameters options = params.requireOnly("options").child("options").requireOnly("ids");
        Set<Long> ids = new HashSet<>();
        RestParameters idList = options.child("ids");
        idList.names().forEach(i -> ids.add(idList.requiredInt(i)));
        ArrayNode body = MoodleJson.array();
        site.courses().stream().filter(c -> ids.isEmpty() || ids.contains(c.id()))
                .forEach(c -> body.add(MoodleJson.course(c)));
        return new Result(body, null);
    }

    /** Categories matching every criterion, plus their subcategories unless addsubcategories=0. */
    private Result categories(RestParameters params) {
        params.requireOnly("criteria", "addsubcategories");
        List<CategoryRow> all = site.categories();
        Predicate<CategoryRow> matches = c -> true;
        for (Map.Entry<String, String> criterion : params.child("criteria").pairs("key", "value").entrySet()) {
            matches = matches.and(criterion(criterion.getKey(), criterion.getValue()));
        }
        List<CategoryRow> matched = all.stream().filter(matches).toList();
        boolean addSubcategories = !"0".equals(params.value("addsubcategories"));
        ArrayNode body = MoodleJson.array();
        all.stream().filter(c -> matched.contains(c)
                        || addSubcategories && matched.stream().anyMatch(m -> c.path().startsWith(m.path() + "/")))
                .forEach(c -> body.add(MoodleJson.category(c)));
        return new Result(body, null);
    }

    private static Predicate<CategoryRow> criterion(String key, String value) {
        return switch (key) {
            case "id" -> c -> String.valueOf(c.id()).equals(value);
            case "ids" -> c -> Arrays.stream(value.split(",")).map(String::trim)
                    .anyMatch(String.valueOf(c.id())::equals);
            case "name" -> c -> c.category().name().equals(value);
            case "idnumber" -> c -> value.equals(c.category().idnumber());
            case "parent" -> c -> String.valueOf(c.category().parentId()).equals(value);
            case "visible" -> c -> "1".equals(value);
            case "theme" -> c -> value.isEmpty();
            default -> throw MoodleError.invalidParameter();
        };
    }
}
