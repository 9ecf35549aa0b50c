package io.github.mcsync.demo.moodle;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The simulated site's tables, in memory: users, categories, courses (one manual enrolment instance each),
 * user enrolments with their role assignments, custom profile fields, and the clock that decides which
 * enrolments are active. All methods are synchronized; reads return immutable snapshots.
 */
final class MoodleSiteData {

    static final long SITE_COURSE_ID = 1;
    /** The installer's admin user, owner of the simulated token. */
    static final long ADMIN_USER_ID = 2;
    private static final int CATEGORY_SORTORDER_STEP = 10000;

    /** A course with its derived sort order (category sort order + position, newest course first). */
    record CourseRow(long id, SimulatedCourse course, long sortorder) {
    }

    record CategoryRow(long id, SimulatedCategory category, long sortorder, int coursecount, int depth, String path) {
    }

    record ProfileField(String shortname, String name) {
    }

    /**
     * A user as listed for one course.
     *
     * @param active        whether this course's enrolment is active now (always true on the site course)
     * @param activeCourses the user's courses with an active enrolment, visible first, then by sort order
     */
    record EnrolledUser(long id, SimulatedUser user, List<MoodleRole> roles, boolean active,
                        List<CourseRow> activeCourses) {
        EnrolledUser withActiveCourses(List<CourseRow> courses) {
            return new EnrolledUser(id, user, roles, active, courses);
        }
    }

    /** mdl_user_enrolments row plus the role assignments in the course context. */
    private static final class UserEnrolment {
        final long id;
        boolean suspended;
        long timestart;
        long timeend;
        final Set<MoodleRole> roles = EnumSet.noneOf(MoodleRole.class);

        UserEnrolment(long id) {
            this.id = id;
        }

        boolean activeAt(long now) {
            // enrol_get_all_users_courses / get_enrolled_join: timestart < now AND (timeend = 0 OR timeend > now)
            return !suspended && timestart < now && (timeend == 0 || timeend > now);
        }
    }

    private final Map<Long, SimulatedUser> users = new TreeMap<>();
    /** Usernames to user ids: a seed of 100,000 users checks uniqueness without scanning them all. */
    private final Map<String, Long> byUsername = new HashMap<>();
    private final Map<Long, SimulatedCategory> categories = new TreeMap<>();
    /** Insertion order = the order core_course_get_courses lists them (Moodle reads the table unordered). */
    private final Map<Long, SimulatedCourse> courses = new LinkedHashMap<>();
    private final Map<String, ProfileField> profileFields = new LinkedHashMap<>();
    private final Map<Long, Map<Long, UserEnrolment>> enrolmentsByCourse = new HashMap<>();
    private final java.util.Set<Long> hiddenFromWebService = new java.util.HashSet<>();
    private long lastUserId;
    private long lastCategoryId;
    private long lastCourseId;
    private long lastEnrolmentId;
    private LongSupplier clock = () -> MoodleSimulator.REFERENCE_NOW;

    // ---- clock

    synchronized void setNow(long epochSeconds) {
        clock = () -> epochSeconds;
    }

    synchronized void useSystemClock() {
        clock = () -> System.currentTimeMillis() / 1000;
    }

    synchronized long now() {
        return clock.getAsLong();
    }

    // ---- writes

    synchronized void defineProfileField(String shortname, String name) {
        profileFields.put(shortname, new ProfileField(shortname, name));
    }

    synchronized long addUser(SimulatedUser user) {
        if (byUsername.containsKey(user.username())) {
            throw new IllegalArgumentException("Username already exists: " + user.username());
        }
        user.customFields().keySet().forEach(f -> profileFields.putIfAbsent(f, new ProfileField(f, f)));
        users.put(++lastUserId, user);
        byUsername.put(user.username(), lastUserId);
        return lastUserId;
    }

    synchronized long addCategory(SimulatedCategory category) {
        if (category.parentId() != 0) {
            requireCategory(category.parentId());
        }
        categories.put(++lastCategoryId, category);
        return lastCategoryId;
    }

    synchronized long addCourse(SimulatedCourse course) {
        if (!course.isSite()) {
            requireCategory(course.categoryId());
        }
        long now = now();
        courses.put(++lastCourseId, course.withTimes(
                course.timecreated() == 0 ? now : course.timecreated(),
                course.timemodified() == 0 ? now : course.timemodified()));
        return lastCourseId;
    }

    /** Moodle's manual enrolment: an existing enrolment gets the given status and times, and the role added. */
    synchronized long enrol(long courseId, long userId, MoodleRole role, boolean suspended, long timestart,
                            long timeend) {
        requireUser(userId);
        if (!courses.containsKey(courseId) || courseId == SITE_COURSE_ID) {
            throw new IllegalArgumentException("No enrolable course with id " + courseId);
        }
        UserEnrolment ue = enrolmentsByCourse.computeIfAbsent(courseId, c -> new TreeMap<>())
                .computeIfAbsent(userId, u -> new UserEnrolment(++lastEnrolmentId));
        ue.suspended = suspended;
        ue.timestart = timestart;
        ue.timeend = timeend;
        ue.roles.add(role);
        return ue.id;
    }

    /** Changes a user's profile (as an administrator editing it in Moodle); the id and enrolments stay. */
    synchronized void updateUser(long id, SimulatedUser user) {
        requireUser(id);
        Long holder = byUsername.get(user.username());
        if (holder != null && holder != id) {
            throw new IllegalArgumentException("Username already exists: " + user.username());
        }
        user.customFields().keySet().forEach(f -> profileFields.putIfAbsent(f, new ProfileField(f, f)));
        byUsername.remove(users.get(id).username());
        users.put(id, user);
        byUsername.put(user.username(), id);
    }

    /** Moodle's user deletion: the user's enrolments go, and web-service lookups no longer list the user. */
    synchronized void deleteUser(long id) {
        requireUser(id);
        enrolmentsByCourse.values().forEach(byUser -> byUser.remove(id));
        byUsername.remove(users.remove(id).username());
    }

    synchronized void setEnrolmentSuspended(long courseId, long userId, boolean suspended) {
        requireEnrolment(courseId, userId).suspended = suspended;
    }

    synchronized void setEnrolmentTimes(long courseId, long userId, long timestart, long timeend) {
        UserEnrolment ue = requireEnrolment(courseId, userId);
        ue.timestart = timestart;
        ue.timeend = timeend;
    }

    /** Removes the enrolment and its role assignments; false when the user was not enrolled. */
    synchronized boolean unenrol(long courseId, long userId) {
        Map<Long, UserEnrolment> enrolled = enrolmentsByCourse.get(courseId);
        return enrolled != null && enrolled.remove(userId) != null;
    }

    /** Makes {@link #courses()} list these ids first, in this order (seed only: Moodle's table order). */
    synchronized void reorderCourseListing(long... ids) {
        Map<Long, SimulatedCourse> reordered = new LinkedHashMap<>();
        for (long id : ids) {
            reordered.put(id, courses.get(id));
        }
        reordered.putAll(courses);
        courses.clear();
        courses.putAll(reordered);
    }

    synchronized void setHiddenFromWebService(long userId, boolean hidden) {
        requireUser(userId);
        if (hidden) {
            hiddenFromWebService.add(userId);
        } else {
            hiddenFromWebService.remove(userId);
        }
    }

    // ---- reads

    synchronized boolean hiddenFromWebService(long userId) {
        return hiddenFromWebService.contains(userId);
    }

    synchronized Optional<SimulatedUser> user(long id) {
        return Optional.ofNullable(users.get(id));
    }

    /** Every user by id, in id order. */
    synchronized Map<Long, SimulatedUser> users() {
        return Map.copyOf(users);
    }

    /** The user's courses with an active enrolment now, visible first, then by sort order (enrol_get_users_courses). */
    synchronized List<CourseRow> activeCoursesOf(long userId) {
        return activeCourses(userId, now(), courseRowsById());
    }

    synchronized List<ProfileField> profileFields() {
        return List.copyOf(profileFields.values());
    }

    synchronized List<CourseRow> courses() {
        return List.copyOf(courseRowsById().values());
    }

    /** Categories ordered by sort order (tree pre-order, siblings by id). */
    synchronized List<CategoryRow> categories() {
        return List.copyOf(categoryRowsById().values());
    }

    /** Users of a course ordered by user id; every user for the site course; empty when there is no such course. */
    synchronized Optional<List<EnrolledUser>> enrolledUsers(long courseId) {
        return enrolledUsers(courseId, UnaryOperator.identity());
    }

    /**
     * The users of a course that {@code pick} keeps (it filters, orders and pages them); only those get their active
     * courses, as Moodle pages in SQL before it reads each listed user's courses (a page costs its own users, not the
     * course's).
     */
    synchronized Optional<List<EnrolledUser>> enrolledUsers(long courseId, UnaryOperator<Stream<EnrolledUser>> pick) {
        if (!courses.containsKey(courseId)) {
            return Optional.empty();
        }
        long now = now();
        List<EnrolledUser> all = new ArrayList<>();
        if (courseId == SITE_COURSE_ID) {
            users.forEach((id, u) -> all.add(new EnrolledUser(id, u, List.of(), true, List.of())));
        } else {
            enrolmentsByCourse.getOrDefault(courseId, Map.of()).forEach((userId, ue) -> all.add(new EnrolledUser(
                    userId, users.get(userId), List.copyOf(ue.roles), ue.activeAt(now), List.of())));
        }
        Map<Long, CourseRow> rows = courseRowsById();
        return Optional.of(pick.apply(all.stream())
                .map(u -> u.withActiveCourses(activeCourses(u.id(), now, rows)))
                .toList());
    }

    // ---- helpers (callers hold the lock)

    private List<CourseRow> activeCourses(long userId, long now, Map<Long, CourseRow> rows) {
        return enrolmentsByCourse.entrySet().stream()
                .filter(e -> e.getValue().containsKey(userId) && e.getValue().get(userId).activeAt(now))
                .map(e -> rows.get(e.getKey()))
                .sorted(Comparator.comparing((CourseRow c) -> !c.course().visible())
                        .thenComparingLong(CourseRow::sortorder))
                .toList();
    }

    /** All courses in listing order with their sort order: the site course 1, others category + rank (newest first). */
    private Map<Long, CourseRow> courseRowsById() {
        Map<Long, CategoryRow> cats = categoryRowsById();
        Map<Long, Long> newerInCategory = new HashMap<>();
        Map<Long, CourseRow> rows = new LinkedHashMap<>();
        courses.keySet().stream().sorted(Comparator.reverseOrder()).forEach(id -> {
            SimulatedCourse course = courses.get(id);
            long rank = newerInCategory.merge(course.categoryId(), 1L, Long::sum);
            long sortorder = course.isSite() ? 1 : cats.get(course.categoryId()).sortorder() + rank;
            rows.put(id, new CourseRow(id, course, sortorder));
        });
        Map<Long, CourseRow> listed = new LinkedHashMap<>();
        courses.keySet().forEach(id -> listed.put(id, rows.get(id)));
        return listed;
    }

    /** In pre-order, which is sort order: each category gets the next multiple of 10000. */
    private Map<Long, CategoryRow> categoryRowsById() {
        Map<Long, CategoryRow> rows = new LinkedHashMap<>();
        addCategoryRows(0, 0, "", rows);
        return rows;
    }

    private void addCategoryRows(long parentId, int parentDepth, String parentPath, Map<Long, CategoryRow> rows) {
        categories.forEach((id, category) -> {
            if (category.parentId() == parentId) {
                long coursecount = courses.values().stream().filter(c -> c.categoryId() == id && !c.isSite()).count();
                String path = parentPath + "/" + id;
                rows.put(id, new CategoryRow(id, category, (long) (rows.size() + 1) * CATEGORY_SORTORDER_STEP,
                        (int) coursecount, parentDepth + 1, path));
                addCategoryRows(id, parentDepth + 1, path, rows);
            }
        });
    }

    private void requireUser(long userId) {
        if (!users.containsKey(userId)) {
            throw new IllegalArgumentException("No user with id " + userId);
        }
    }

    private void requireCategory(long categoryId) {
        if (!categories.containsKey(categoryId)) {
            throw new IllegalArgumentException("No category with id " + categoryId);
        }
    }

    private UserEnrolment requireEnrolment(long courseId, long userId) {
        UserEnrolment ue = enrolmentsByCourse.getOrDefault(courseId, Map.of()).get(userId);
        if (ue == null) {
            throw new IllegalArgumentException("User " + userId + " is not enrolled in course " + courseId);
        }
        return ue;
    }
}
