package org.opensmur.core.hub.amqp;

import org.opensmur.core.hub.transport.HubConfig;
import java.security.GeneralSecurityException;
import java.time.Instant;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.opensmur.signing.KeyMaterial;

/** The TLS context of the tablet: its certificate and key, and the Hub's CA chain. No way to turn checks off. */
public final class TlsContexts {

    /** The Hub requires TLS 1.2; 1.3 is taken when the broker offers it. */
    public static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private TlsContexts() {
    }

    public static SSLContext forClient(HubConfig config, Instant now) {
        KeyManagerFactory keys = KeyMaterial.keyManagers(config.certificatePath(), config.keyPath(), config.keyPassphrase(), now);
        TrustManagerFactory trust = KeyMaterial.trustManagers(config.trustStorePath(), config.trustStorePassword());
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
        }
    }
}
