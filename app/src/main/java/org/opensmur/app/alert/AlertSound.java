package org.opensmur.app.alert;

import java.net.URL;
import java.util.EnumMap;
import java.util.Map;
import javafx.scene.media.AudioClip;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sound an alert makes when it comes over the screen: a request, an update, or (lower, longer) a
 * cancellation. Played by the screens when an alert appears; a device without sound stays silent, never stuck.
 */
public interface AlertSound {

    enum Tone { ALERT, CANCELLED }

    void play(Tone tone);

    AlertSound SILENT = tone -> { };

    /** The assets' tones through JavaFX's {@link AudioClip}; loaded at first use, silent if the platform has no player. */
    static AlertSound clips() {
        return new AlertSound() {
            private final Logger log = LoggerFactory.getLogger(AlertSound.class);
            private final Map<Tone, AudioClip> clips = new EnumMap<>(Tone.class);
            private boolean broken;

            @Override
            public void play(Tone tone) {
                if (broken) {
                    return;
                }
                try {
                    clips.computeIfAbsent(tone, t -> {
                        URL sound = AlertSound.class.getResource("/org/opensmur/assets/sounds/"
                                + (t == Tone.CANCELLED ? "cancelled.wav" : "alert.wav"));
                        String url = java.util.Objects.requireNonNull(sound, "sound asset").toExternalForm();
                        // AudioClip fails on a thread of its own, out of reach, when the platform has no
                        // player (no audio device): a player made here fails here instead, and is let go.
                        new javafx.scene.media.MediaPlayer(new javafx.scene.media.Media(url)).dispose();
                        return new AudioClip(url);
                    }).play();
                } catch (RuntimeException | LinkageError e) {
                    broken = true; // said once; the alert itself is on screen regardless
                    log.warn("alert sound unavailable on this device: {}", e.toString());
                }
            }
        };
    }
}
