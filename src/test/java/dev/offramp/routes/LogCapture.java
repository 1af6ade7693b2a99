package dev.offramp.routes;

import java.io.StringWriter;
import java.util.List;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;

/** What the bundle logs while a test does something: every logger, as "logger message exception" lines. */
final class LogCapture {

    private LogCapture() {
    }

    /** Everything every logger writes while {@code requests} runs. */
    static String logsOf(ThrowingRunnable requests) throws Exception {
        LoggerContext logs = (LoggerContext) LogManager.getContext(false);
        StringWriter out = new StringWriter();
        WriterAppender capture = WriterAppender.newBuilder().setName("test-capture").setTarget(out)
                .setLayout(PatternLayout.newBuilder().withPattern("%c %m %ex%n").build()).build();
        capture.start();
        List<LoggerConfig> loggers = new java.util.ArrayList<>(logs.getConfiguration().getLoggers().values());
        loggers.add(logs.getConfiguration().getRootLogger());
        loggers.forEach(l -> l.addAppender(capture, Level.ALL, null));
        logs.updateLoggers();
        try {
            requests.run();
        } finally {
            loggers.forEach(l -> l.removeAppender("test-capture"));
            logs.updateLoggers();
            capture.stop();
        }
        return out.toString();
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }
}
