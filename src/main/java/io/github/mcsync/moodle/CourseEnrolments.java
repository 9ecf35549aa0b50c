package io.github.mcsync.moodle;

import io.github.mcsync.enrolment.Enrolment;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects one course's enrolments while the route pages through core_enrol_get_enrolled_users. Keeps only
 * users holding one of the configured roles (teachers are enrolled too). A short page ends the paging.
 */
public final class CourseEnrolments {
    private final MoodleCourse course;
    private final Set<String> roles;
    private final int pageSize;
    private final List<Enrolment> enrolments = new ArrayList<>();
    private final Set<Long> seenUsers = new HashSet<>();
    private int read;
    private boolean morePages = true;

    public CourseEnrolments(MoodleCourse course, Set<String> roles, int pageSize) {
        this.course = course;
        this.roles = Set.copyOf(roles);
        this.pageSize = pageSize;
    }

    public MoodleCourse course() {
        return course;
    }

    /** Where the next page starts (Moodle's limitfrom). */
    public int nextFrom() {
        return read;
    }

    public boolean morePages() {
        return morePages;
    }

    public void addPage(List<MoodleUser> page) {
        read += page.size();
        morePages = page.size() >= pageSize;
        for (MoodleUser u : page) {
            if (!seenUsers.add(u.id())) {
                throw new MoodleException("pagingbroken", "course " + course.id() + ": user " + u.id()
                        + " came twice while paging core_enrol_get_enrolled_users (limitfrom " + (read - page.size()) + ")");
            }
            List<String> held = u.roles() == null ? List.of()
                    : u.roles().stream().map(MoodleUser.Role::shortname).toList();
            if (held.stream().anyMatch(roles::contains)) {
                enrolments.add(toEnrolment(u, held));
            }
        }
    }

    public List<Enrolment> enrolments() {
        return List.copyOf(enrolments);
    }

    private Enrolment toEnrolment(MoodleUser u, List<String> held) {
        Map<String, String> custom = new LinkedHashMap<>();
        if (u.customfields() != null) {
            u.customfields().forEach(f -> custom.put(f.shortname(), f.value()));
        }
        return new Enrolment(u.id(), u.username(), u.firstname(), u.lastname(), u.email(), u.phone1(), u.phone2(),
                u.idnumber(), u.institution(), u.department(), u.city(), u.country(), custom, course.id(),
                course.shortname(), course.fullname(), course.idnumber(), course.categoryid(), null, held, null, null,
                "ws", null);
    }
}
