package dev.offramp.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongFunction;
import java.util.function.Predicate;
import org.HdrHistogram.Histogram;

/** Closed-loop (N in flight) and open-loop (fixed rate) load on the raw client, latencies in HdrHistogram. */
final class Load {

    /** What one load run saw; latencies in microseconds, only of answers that passed the check. */
    record Result(long sent, long passed, long failed, double seconds, Histogram latency, String firstFailure,
                  Timeline timeline) {

        double passedPerSecond() {
            return passed / seconds;
        }

        double p(double percentile) {
            return latency.getTotalCount() == 0 ? Double.NaN : latency.getValueAtPercentile(percentile) / 1000.0;
        }
    }

    private Load() {
    }

    /**
     * {@code concurrency} workers, each with its own connection, send back to back until {@code maxRequests}
     * were sent or {@code maxMillis} passed. {@code requestFor} builds request number n (0-based, per run).
     */
    static Result closed(int port, int concurrency, long maxRequests, long maxMillis, LongFunction<byte[]> requestFor,
                         Predicate<RawHttp.Response> check) throws InterruptedException {
        AtomicLong next = new AtomicLong();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(maxMillis);
        return run(port, concurrency, () -> {
            long n = next.getAndIncrement();
            return n < maxRequests && System.nanoTime() < deadline ? n : -1;
        }, n -> 0L, requestFor, check, null);
    }

    /**
     * Open loop: request n is due at start + n / rate, whoever of {@code workers} is free sends it, and its
     * latency counts from when it was due (so a server falling behind shows as latency, not as a lower rate).
     */
    static Result fixedRate(int port, int workers, int perSecond, long total, long graceMillis,
                            LongFunction<byte[]> requestFor, Predicate<RawHttp.Response> check) throws InterruptedException {
        AtomicLong next = new AtomicLong();
        // every worker opens its connection before the schedule starts: a first request that also had to
        // connect made the slowest answers of a run (BENCHMARKS.md, session 5)
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
        long interval = 1_000_000_000L / perSecond;
        // a server that cannot keep up is not waited for forever: nothing is sent after the schedule's end + grace
        long deadline = start + total * interval + TimeUnit.MILLISECONDS.toNanos(graceMillis);
        return run(port, workers, () -> {
            long n = next.getAndIncrement();
            return n < total && System.nanoTime() < deadline ? n : -1;
        }, n -> start + n * interval, requestFor, check, new Timeline(start, deadline));
    }

    private interface Ticket {
        long take();
    }

    private interface DueAt {
        long nanos(long n);
    }

    private static Result run(int port, int workers, Ticket tickets, DueAt dueAt, LongFunction<byte[]> requestFor,
                              Predicate<RawHttp.Response> check, Timeline timeline) throws InterruptedException {
        Histogram all = new Histogram(TimeUnit.SECONDS.toMicros(120), 3);
        LongAdder sent = new LongAdder();
        LongAdder passed = new LongAdder();
        LongAdder failed = new LongAdder();
        String[] firstFailure = new String[1];
        List<Thread> threads = new ArrayList<>();
        List<Histogram> histograms = new ArrayList<>();
        long began = System.nanoTime();
        for (int w = 0; w < workers; w++) {
            Histogram mine = new Histogram(TimeUnit.SECONDS.toMicros(120), 3);
            histograms.add(mine);
            Thread t = new Thread(() -> {
                try (RawHttp http = new RawHttp(port)) {
                    if (timeline != null) {
                        // open loop: connected before the schedule starts (see fixedRate)
                        http.connect();
                    }
                    for (long n = tickets.take(); n >= 0; n = tickets.take()) {
                        long due = dueAt.nanos(n);
                        if (due > 0) {
                            long wait = due - System.nanoTime();
                            if (wait > 0) {
                                TimeUnit.NANOSECONDS.sleep(wait);
                            }
                        }
                        byte[] request = requestFor.apply(n);
                        long t0 = due > 0 ? due : System.nanoTime();
                        sent.increment();
                        try {
                            RawHttp.Response r = http.send(request);
                            long micros = (System.nanoTime() - t0) / 1000;
                            if (check.test(r)) {
                                passed.increment();
                                mine.recordValue(Math.min(Math.max(micros, 1), mine.getHighestTrackableValue()));
                                if (timeline != null) {
                                    timeline.record(t0, micros);
                                }
                            } else {
                                failed.increment();
                                synchronized (firstFailure) {
                                    if (firstFailure[0] == null) {
                                        firstFailure[0] = r.status() + " " + r.body();
                                    }
                                }
                            }
                        } catch (Exception e) {
                            failed.increment();
                            http.close();
                            synchronized (firstFailure) {
                                if (firstFailure[0] == null) {
                                    firstFailure[0] = e.toString();
                                }
                            }
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (IOException e) {
                    failed.increment();
                    synchronized (firstFailure) {
                        if (firstFailure[0] == null) {
                            firstFailure[0] = "connect: " + e;
                        }
                    }
                }
            }, "load-" + w);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        histograms.forEach(all::add);
        return new Result(sent.sum(), passed.sum(), failed.sum(), seconds, all, firstFailure[0], timeline);
    }

    /**
     * An open-loop run's slowest answer per 100 ms of its schedule, by when the request was due, with wall-clock
     * times: to line a latency tail up with the bundle's GC log or the database's.
     */
    static final class Timeline {
        private static final long WINDOW_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
        private final long startNanos;
        private final long startEpochMillis;
        private final AtomicLongArray maxMicros;
        private final AtomicLongArray counts;

        Timeline(long startNanos, long endNanos) {
            this.startNanos = startNanos;
            this.startEpochMillis = System.currentTimeMillis() + TimeUnit.NANOSECONDS.toMillis(startNanos - System.nanoTime());
            int windows = (int) ((endNanos - startNanos) / WINDOW_NANOS) + 1;
            this.maxMicros = new AtomicLongArray(windows);
            this.counts = new AtomicLongArray(windows);
        }

        void record(long dueNanos, long micros) {
            int w = (int) Math.max(0, Math.min(maxMicros.length() - 1, (dueNanos - startNanos) / WINDOW_NANOS));
            maxMicros.accumulateAndGet(w, micros, Math::max);
            counts.incrementAndGet(w);
        }

        /** One line per window with answers: epoch ms of its start, answers, slowest in microseconds. */
        List<String> lines() {
            List<String> lines = new ArrayList<>();
            for (int w = 0; w < maxMicros.length(); w++) {
                if (counts.get(w) > 0) {
                    lines.add((startEpochMillis + w * 100L) + " " + counts.get(w) + " " + maxMicros.get(w));
                }
            }
            return lines;
        }
    }
}
