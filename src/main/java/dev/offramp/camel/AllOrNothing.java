package dev.offramp.camel;

import org.apache.camel.Exchange;
import org.apache.camel.NamedNode;
import org.apache.camel.Processor;
import org.apache.camel.Route;
import org.apache.camel.spi.Policy;
import org.apache.camel.spi.UnitOfWork;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The route steps it wraps ({@code policy: ref: allOrNothing}) run in one database transaction, joined
 * if one is already open: either every statement commits, or, if any step fails, none does, and the
 * failure is raised again after the rollback.
 *
 * <p>Why not camel-spring's {@code transacted}: the shared error policies (routes/shared/*-to-json) answer
 * every error with handled = true, and Camel commits a transaction whose error was handled. A status
 * write whose timeline insert failed was committed half-way (the status without its timeline entry;
 * {@code DeadLettersContract} reproduces it with a CHECK constraint). Here, while the transaction is
 * open the unit of work is marked transacted, the error policies leave the error alone (their
 * {@code onWhen}), and this class rolls back. It then clears the inner error handler's verdict on the
 * exchange, so that, to the route around it, the rolled-back failure is a new one: its error policy
 * answers for it (JSON error, dead letter) with nothing of the transaction written.
 */
public final class AllOrNothing implements Policy {

    private final TransactionTemplate transactions;

    public AllOrNothing(PlatformTransactionManager transactionManager) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRED);
    }

    @Override
    public void beforeWrap(Route route, NamedNode definition) {
        // nothing to prepare
    }

    @Override
    public Processor wrap(Route route, Processor steps) {
        return exchange -> {
            UnitOfWork work = exchange.getUnitOfWork();
            Object key = new Object();
            work.beginTransactedBy(key);
            try {
                transactions.executeWithoutResult(tx -> {
                    try {
                        steps.process(exchange);
                    } catch (Exception e) {
                        exchange.setException(e);
                    }
                    if (exchange.getException() != null || exchange.isRollbackOnly()) {
                        tx.setRollbackOnly();
                    }
                });
            } finally {
                work.endTransactedBy(key);
            }
            raiseAfterRollback(exchange);
        };
    }

    private static void raiseAfterRollback(Exchange exchange) throws Exception {
        Exception failure = exchange.getException();
        if (failure == null) {
            return;
        }
        exchange.setException(null);
        exchange.getExchangeExtension().setErrorHandlerHandled(null);
        exchange.getExchangeExtension().setFailureHandled(false);
        exchange.getExchangeExtension().setRedeliveryExhausted(false);
        throw failure;
    }
}
