package io.github.mcsync.moodle;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SequenceWriter;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The users of one course's read, kept in a temporary file (one JSON document a line, non-ASCII escaped so every
 * value reads back exactly as Moodle gave it) rather than in memory: a course is read whole before any of it is
 * sent, and a course may hold 100,000 enrolments. Read back in the order written, as often as needed; closing it
 * deletes the file.
 */
final class UserSpool implements Closeable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectWriter WRITER = JSON.writerFor(MoodleUser.class).with(JsonWriteFeature.ESCAPE_NON_ASCII)
            .withRootValueSeparator("\n");
    private static final ObjectReader READER = JSON.readerFor(MoodleUser.class);

    private final Path file;
    private final SequenceWriter out;
    private final List<Closeable> readers = new ArrayList<>();
    private int size;
    private boolean closed;

    UserSpool() {
        try {
            file = Files.createTempFile("mcsync-course-", ".jsonl");
            out = WRITER.writeValues(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a spool file for a course's enrolments in "
                    + System.getProperty("java.io.tmpdir") + ": " + e.getMessage(), e);
        }
    }

    synchronized void add(MoodleUser user) {
        try {
            out.write(user);
            size++;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write a course's enrolments to " + file + ": " + e.getMessage(), e);
        }
    }

    synchronized int size() {
        return size;
    }

    /** The users written so far, in their order; what is added later is not seen. */
    synchronized Iterator<MoodleUser> users() {
        if (closed) {
            throw new IllegalStateException("The enrolments of this course read are no longer kept (" + file + ")");
        }
        try {
            out.flush();
            MappingIterator<MoodleUser> it = READER.readValues(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
            readers.add(it);
            int n = size;
            return new Iterator<>() {
                private int read;

                @Override
                public boolean hasNext() {
                    return read < n;
                }

                @Override
                public MoodleUser next() {
                    MoodleUser user = it.next();
                    if (++read == n) {
                        closeReader(it);
                    }
                    return user;
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read a course's enrolments back from " + file + ": "
                    + e.getMessage(), e);
        }
    }

    private static void closeReader(Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            out.close();
            for (Closeable r : readers) {
                r.close();
            }
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + file + ": " + e.getMessage(), e);
        }
    }
}
