package io.github.mcsync.moodle;

import io.github.mcsync.enrolment.Enrolment;
import io.github.mcsync.enrolment.SourceReference;
import java.io.Closeable;
import java.util.Iterator;
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
 * Keeps as enrolments only active users holding one of the configured roles (teachers are enrolled too); those
 * wait in a {@link UserSpool} (a temporary file), and only the user ids of the course stay in memory. Close it when
 * the course is done (the route's exchange does, on completion).
 */
public final class CourseEnrolments implements Closeable {
    private final MoodleCourse course;
    private final Set<String> roles;
    private final Set<Long> active = new LinkedHashSet<>();
    private final Set<Long> inactive = new LinkedHashSet<>();
    private final UserSpool spool = new UserSpool();
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
            boolean added = suspendedList ? !active.contains(u.id()) && inactive.add(u.id()) : active.add(u.id());
            if (!added) {
                duplicates++;
            } else if (!suspendedList) {
                keep(u);
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
        Set<Long> all = new LinkedHashSet<>(active);
        all.addAll(inactive);
        return all;
    }

    /**
     * Takes in what an earlier read of the same course saw and this one did not (a second read confirms who left).
     */
    public void absorb(CourseEnrolments earlier) {
        for (Iterator<MoodleUser> users = earlier.spool.users(); users.hasNext(); ) {
            MoodleUser u = users.next();
            if (!inactive.contains(u.id()) && !active.contains(u.id())) {
                spool.add(u);
            }
        }
        earlier.active.stream().filter(id -> !inactive.contains(id)).forEach(active::add);
        earlier.inactive.stream().filter(id -> !active.contains(id)).forEach(inactive::add);
    }

    /** An active user is kept (in the spool) when they hold one of the configured roles. */
    private void keep(MoodleUser u) {
        if (u.roles() != null && u.roles().stream().map(MoodleUser.Role::shortname).anyMatch(roles::contains)) {
            spool.add(u);
        }
    }

    /**
     * The active enrolments of the configured roles, in Moodle's order, each with the source reference of its
     * enrolment's generation ({@link SourceReference#of(long, long, int)}); read from the spool each time they are
     * gone through, so they are never all in memory.
     */
    public SpooledEnrolments enrolments(ToIntFunction<Long> generationOf) {
        return new SpooledEnrolments(course.id(), spool.size(), () -> {
            Iterator<MoodleUser> users = spool.users();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return users.hasNext();
                }

                @Override
                public Enrolment next() {
                    MoodleUser u = users.next();
                    return toEnrolment(u, u.roles().stream().map(MoodleUser.Role::shortname).toList(),
                            generationOf.applyAsInt(u.id()));
                }
            };
        });
    }

    /** Deletes the spool. */
    @Override
    public void close() {
        spool.close();
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
