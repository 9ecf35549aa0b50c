package io.github.mcsync.demo.moodle;

import java.util.Objects;

/**
 * A course category as the simulator stores it. Sort order, depth, path and course count are derived.
 *
 * @param idnumber    null only for the installer's "Category 1" (Moodle returns null there, "" elsewhere)
 * @param description HTML description
 * @param parentId    0 for a top-level category
 */
public record SimulatedCategory(String name, String idnumber, String description, long parentId,
                                long timemodified) {

    public SimulatedCategory {
        Objects.requireNonNull(name, "name");
    }
}
