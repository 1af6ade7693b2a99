package dev.offramp.logging;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.apache.logging.log4j.core.Core;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.appender.rewrite.RewritePolicy;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.config.plugins.PluginFactory;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.message.SimpleMessage;

/**
 * Log4j rewrite policy: every log line, exception text included, leaves with the configured secrets
 * masked, whatever logger wrote it and at whatever level (see log4j2.properties).
 */
@Plugin(name = "MaskSecrets", category = Core.CATEGORY_NAME, elementType = "rewritePolicy", printObject = true)
public final class MaskSecretsPolicy implements RewritePolicy {

    @PluginFactory
    public static MaskSecretsPolicy create() {
        return new MaskSecretsPolicy();
    }

    @Override
    public LogEvent rewrite(LogEvent event) {
        String message = event.getMessage() == null ? "" : event.getMessage().getFormattedMessage();
        Throwable thrown = event.getThrown();
        String text = message;
        if (thrown != null) {
            // an exception's text can quote a value too: it is printed here, masked, instead of by the layout
            StringWriter trace = new StringWriter();
            thrown.printStackTrace(new PrintWriter(trace));
            text = message + System.lineSeparator() + trace;
        }
        String masked = SecretValues.mask(text);
        if (thrown == null && masked.equals(message)) {
            return event;
        }
        return new Log4jLogEvent.Builder(event).setMessage(new SimpleMessage(masked)).setThrown(null).setThrownProxy(null).build();
    }
}
