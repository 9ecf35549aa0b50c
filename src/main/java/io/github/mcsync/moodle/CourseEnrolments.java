package io.github.mcsync.moodle;

import io.github.mcsync.enrolment.Enrolment;
import io.github.mcsync.enrolment.SourceReference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * Collects one course's users while the route pages through core_enrol_get_enrolled_users: first the active
 * enrolments ({@code onlyactive=1}), then the suspended, expired and not yet started ones ({@code onlysuspended=1},
 * which lists exactly those), each list paged until an <em>empty</em> page (Moodle may answer a short page in the
 * middle when it hides users from the web-service user). A user listed twice because the list shifted during the
 * read is kept once. Together the two lists are everyone enrolled in the course: a user in neither was unenrolled.
 * Keeps as enrolments only active users holding one of the configured roles (teachers are enrolled too).
 */
public final class CourseEnrolments {
    private final MoodleCourse course;
    private final Set<String> roles;
    private final Map<Long, MoodleUser> active = new LinkedHashMap<>();
    private final Set<Long> inactive = new LinkedHashSet<>();
    private boolean suspendedList;
    private boolean done;
    private int read;
    private int duplicates;

    public CourseEnrolments(MoodleCourse course, Set<String> roles) {
        this.course = course;
        this.roles = Set.copyOf(roles);
    }

    public MoodleCourse course() {
        return course;
    }

    /** Where the next page starts (Moodle's limitfrom) in the list being read. */
    public int nextFrom() {
        return read;
    }

    /** True while the onlysuspended list is read (after the active list). */
    public boolean suspendedList() {
        return suspendedList;
    }

    public boolean morePages() {
        return !done;
    }

    /**
     * One page of the list being read. An empty page ends that list; so does a page that brings nobody new (Moodle
     * ignored limitfrom: paging on would never end).
     */
    public void addPage(List<MoodleUser> page) {
        int before = active.size() + inactive.size();
        for (MoodleUser u : page) {
            boolean added = suspendedList ? !active.containsKey(u.id()) && inactive.add(u.id())
                    : active.putIfAbsent(u.id(), u) == null;
            if (!added) {
                duplicates++;
            }
        }
        read += page.size();
        if (page.isEmpty() || active.size() + inactive.size() == before) {
            if (suspendedList) {
                done = true;
            } else {
                suspendedList = true;
                read = 0;
            }
        }
    }

    /** Users listed more than once while paging (the list shifted during the read); each is kept once. */
    public int duplicates() {
        return duplicates;
    }

    /** Everyone enrolled in the course, active or not, whatever their role. */
    public Set<Long> enrolledUsers() {
        Set<Long> all = new LinkedHashSet<>(active.keySet());
        all.addAll(inactive);
        return all;
    }

    /**
     * Takes in what an earlier read of the same course saw and this one did not (a second read confirms who left).
     */
    public void absorb(CourseEnrolments earlier) {
        earlier.active.forEach((id, u) -> {
            if (!inactive.contains(id)) {
                active.putIfAbsent(id, u);
            }
        });
        earlier.inactive.forEach(id -> {
            if (!active.containsKey(id)) {
                inactive.add(id);
            }
        });
    }

    /**
     * The active enrolments of the configured roles, each with the source reference of its enrolment's generation
     * ({@link SourceReference#of(long, long, int)}).
     */
    public List<Enrolment> enrolments(ToIntFunction<Long> generationOf) {
        List<Enrolment> enrolments = new ArrayList<>();
        for (MoodleUser u : active.values()) {
            List<String> held = u.roles() == null ? List.of()
                    : u.roles().stream().map(MoodleUser.Role::shortname).toList();
            if (held.stream().anyMatch(roles::contains)) {
                enrolments.add(toEnrolment(u, held, generationOf.applyAsInt(u.id())));
            }
        }
        return enrolments;
    }

    private Enrolment toEnrolment(MoodleUser u, List<String> held, int generation) {
        Map<String, String> custom = new LinkedHashMap<>();
        if (u.customfields() != null) {
            u.customfields().forEach(f -> custom.put(f.shortname(), f.value()));
        }
        return new Enrolment(u.id(), u.username(), u.firstname(), u.lastname(), u.email(), u.phone1(), u.phone2(),
                u.idnumber(), u.institution(), u.department(), u.city(), u.country(), custom, course.id(),
                course.shortname(), course.fullname(), course.idnumber(), course.categoryid(), null, held, null, null,
                "ws", SourceReference.of(course.id(), u.id(), generation));
    }
}
