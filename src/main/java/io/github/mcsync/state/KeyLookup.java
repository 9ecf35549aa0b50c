package io.github.mcsync.state;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One query for many keys: which of them a table holds, asked with {@code IN (?, ...)} lists of at most
 * {@link #CHUNK} parameters (PostgreSQL, MariaDB and H2 take that many in one statement).
 */
public final class KeyLookup {
    public static final int CHUNK = 500;

    private KeyLookup() {
    }

    /** The elements in lists of at most {@link #CHUNK}, in their order, each list taken from the source as asked. */
    public static <T> Iterator<List<T>> chunks(Iterator<T> source) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return source.hasNext();
            }

            @Override
            public List<T> next() {
                if (!source.hasNext()) {
                    throw new NoSuchElementException();
                }
                List<T> chunk = new ArrayList<>(CHUNK);
                while (chunk.size() < CHUNK && source.hasNext()) {
                    chunk.add(source.next());
                }
                return chunk;
            }
        };
    }

    /**
     * @param select    a query answering one string column, ending in {@code <column> IN}, e.g.
     *                  {@code SELECT messageId FROM CAMEL_MESSAGEPROCESSED WHERE processorName = ? AND messageId IN}
     * @param leading   the values of the query's placeholders before the list
     * @return the keys of {@code keys} the query answered
     */
    public static Set<String> present(JdbcTemplate jdbc, String select, List<Object> leading, Collection<String> keys) {
        Set<String> found = new HashSet<>();
        List<String> all = new ArrayList<>(new HashSet<>(keys));
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            List<Object> args = new ArrayList<>(leading);
            args.addAll(chunk);
            String sql = select + " (" + String.join(", ", java.util.Collections.nCopies(chunk.size(), "?")) + ")";
            found.addAll(jdbc.queryForList(sql, String.class, args.toArray()));
        }
        return found;
    }
}
