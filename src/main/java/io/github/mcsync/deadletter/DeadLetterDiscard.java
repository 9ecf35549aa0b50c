package io.github.mcsync.deadletter;

import io.github.mcsync.state.Deliveries;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An operator discards a dead letter: the row becomes DISCARDED and its key is recorded as done (delivery
 * outcome DISCARDED), so no poll and no replay ever sends that enrolment. Only a NEW row can be discarded.
 */
public final class DeadLetterDiscard {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterDiscard.class);

    private final DeadLetterStore store;
    private final Deliveries deliveries;
    private final TransactionTemplate tx;

    public DeadLetterDiscard(DataSource ds, DeadLetterStore store, Deliveries deliveries) {
        this.store = store;
        this.deliveries = deliveries;
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
    }

    public enum Result { DISCARDED, ALREADY_DISCARDED, NOT_OPEN, NOT_FOUND }

    public Result discard(long id) {
        Optional<DeadLetter> row = store.find(id);
        if (row.isEmpty()) {
            return Result.NOT_FOUND;
        }
        DeadLetter d = row.get();
        if (DeadLetter.DISCARDED.equals(d.status())) {
            return Result.ALREADY_DISCARDED;
        }
        // the row and the key change together: a discarded key is never left undone (polls would send it)
        boolean discarded = Boolean.TRUE.equals(tx.execute(s -> {
            if (!store.discard(id)) {
                return false;
            }
            deliveries.discarded(store.payload(d));
            return true;
        }));
        if (!discarded) {
            return Result.NOT_OPEN;
        }
        LOG.info("Dead letter {} ({}) discarded by an operator: it will not be sent", id, d.sourceReference());
        return Result.DISCARDED;
    }
}
