package org.opensmur.app.alert;

import java.net.URL;
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

    /**
     * The assets' tones through JavaFX's {@link AudioClip}, loaded at once on a thread of their own (a
     * platform's media player can take seconds to answer, and the alert must not wait for it on the UI
     * thread); silent until loaded, and for good if the platform has no player.
     */
    static AlertSound clips() {
        Map<Tone, AudioClip> clips = new java.util.concurrent.ConcurrentHashMap<>();
        Logger log = LoggerFactory.getLogger(AlertSound.class);
        Thread loader = new Thread(() -> {
            try {
                for (Tone tone : Tone.values()) {
                    URL sound = AlertSound.class.getResource("/org/opensmur/assets/sounds/"
                            + (tone == Tone.CANCELLED ? "cancelled.wav" : "alert.wav"));
                    String url = java.util.Objects.requireNonNull(sound, "sound asset").toExternalForm();
                    // AudioClip fails on a thread of its own, out of reach, when the platform has no player
                    // (no audio device): a player made here fails here instead, and is let go.
                    new javafx.scene.media.MediaPlayer(new javafx.scene.media.Media(url)).dispose();
                    clips.put(tone, new AudioClip(url));
                }
            } catch (RuntimeException | LinkageError e) {
                clips.clear(); // said once; the alerts themselves are on screen regardless
                // JavaFX's media exceptions repeat their cause in their message: the type says enough here.
                log.warn("alert sound unavailable on this device (no audio output?): {}; the alerts show on screen only",
                        e.getClass().getSimpleName());
            }
        }, "alert-sound");
        loader.setDaemon(true);
        loader.start();
        return tone -> {
            AudioClip clip = clips.get(tone);
            if (clip != null) {
                clip.play();
            }
        };
    }
}
