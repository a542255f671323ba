package org.opensmur.app.device;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opensmur.app.settings.TabletSettings;
import org.opensmur.core.nomenclature.NomenclatureFolder;
import org.opensmur.core.nomenclature.NomenclatureList;
import org.opensmur.signing.ProvisioningBundle;
import org.opensmur.store.db.OwnerOnly;
import org.opensmur.tablet.care.CareCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The coded lists and the acts list a provisioning bundle carries, installed as the desktop installs them
 * ({@code ./bin/tablet --nomenclatures}, {@link CareCatalog#FILE} in the store's folder): each checked the same way
 * ({@link NomenclatureFolder#check}, {@link CareCatalog#parse}) and all of them before any is installed, so that a
 * bundle with one refused file installs nothing. The lists are written to an owner-only folder beside the store
 * while they are checked, and that folder is removed afterwards.
 */
final class BundleLists {

    private static final Logger LOG = LoggerFactory.getLogger(BundleLists.class);
    static final String STAGING = "lists.staging";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final Path staging;
    private final Path storeFolder;
    private final NomenclatureFolder folder;
    private final String source;
    private final Map<NomenclatureList, Path> lists = new LinkedHashMap<>();
    private String acts;

    private BundleLists(Path privateStorage, Path storeFolder, String source) {
        this.staging = privateStorage.resolve(STAGING);
        this.storeFolder = storeFolder;
        this.folder = new NomenclatureFolder(TabletSettings.nomenclatureFolder(storeFolder));
        this.source = source;
    }

    /** The source an installed list names: the bundle and when it was sealed. */
    static String source(ProvisioningBundle.Contents contents) {
        return contents.sealed() == null ? "provisioning bundle" : "provisioning bundle sealed " + DAY.format(contents.sealed());
    }

    /**
     * Writes the bundle's lists where they are checked and checks each, and the acts list; one problem per refused
     * file, named by it (its file name, or {@link CareCatalog#FILE}). Nothing is installed here.
     */
    static BundleLists check(ProvisioningBundle.Contents contents, Path privateStorage, Path storeFolder, List<Provisioning.Problem> problems)
            throws IOException {
        BundleLists staged = new BundleLists(privateStorage, storeFolder, source(contents));
        staged.discard();
        if (!contents.carriesLists()) {
            return staged;
        }
        OwnerOnly.folder(staged.staging);
        Map<NomenclatureList, String> given = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> file : contents.lists().entrySet()) {
            String name = file.getKey();
            Optional<NomenclatureList> list = NomenclatureList.forFile(name);
            if (list.isEmpty()) {
                problems.add(new Provisioning.Problem(name, "not a list's file name (HubSante.<list>.csv or <list>.csv, <list> one of "
                        + Arrays.stream(NomenclatureList.values()).map(NomenclatureList::id).toList() + ")"));
                continue;
            }
            String before = given.put(list.get(), name);
            if (before != null) {
                problems.add(new Provisioning.Problem(name, "list " + list.get().id() + " is also in " + before + ": one file per list"));
                continue;
            }
            Path written = staged.staging.resolve(name); // a list's name: no folder in it
            OwnerOnly.createFile(written);
            Files.write(written, file.getValue());
            Optional<NomenclatureFolder.Outcome.Refused> refused = staged.folder.check(list.get(), written, staged.source);
            if (refused.isPresent()) {
                problems.add(new Provisioning.Problem(name, refused.get().reason()));
            } else {
                staged.lists.put(list.get(), written);
            }
        }
        if (contents.acts() != null) {
            try {
                String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(contents.acts())).toString();
                CareCatalog.parse(text);
                staged.acts = text;
            } catch (CharacterCodingException e) {
                problems.add(new Provisioning.Problem(CareCatalog.FILE, "not UTF-8 text"));
            } catch (IllegalArgumentException e) {
                String reason = e.getMessage();
                problems.add(new Provisioning.Problem(CareCatalog.FILE, reason.startsWith(CareCatalog.FILE + ": ")
                        ? reason.substring(CareCatalog.FILE.length() + 2) : reason));
            }
        }
        return staged;
    }

    /**
     * Installs what was checked (only when nothing was refused): each list through {@link NomenclatureFolder}, the acts
     * list where {@link CareCatalog#in} reads it, owner-only; a problem when the storage fails midway.
     */
    List<Provisioning.Problem> install() {
        List<Provisioning.Problem> problems = new ArrayList<>();
        try {
            if (!lists.isEmpty() || acts != null) {
                OwnerOnly.folder(storeFolder);
            }
            for (Map.Entry<NomenclatureList, Path> list : lists.entrySet()) {
                switch (folder.install(list.getKey(), list.getValue(), source)) {
                    case NomenclatureFolder.Outcome.Installed ok -> LOG.info("list {} installed from the {}: {} codes, version {}",
                            list.getKey().id(), source, ok.nomenclature().entries().size(), ok.nomenclature().version());
                    case NomenclatureFolder.Outcome.Refused no -> problems.add(new Provisioning.Problem("STORAGE", no.file() + ": " + no.reason()));
                }
            }
            if (acts != null) {
                Path target = storeFolder.resolve(CareCatalog.FILE);
                Path temporary = storeFolder.resolve(CareCatalog.FILE + ".new");
                Files.deleteIfExists(temporary);
                OwnerOnly.createFile(temporary);
                Files.writeString(temporary, acts, StandardCharsets.UTF_8);
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                LOG.info("the acts and drugs list installed from the {}", source);
            }
        } catch (IOException | RuntimeException e) {
            problems.add(new Provisioning.Problem("STORAGE", "cannot write the tablet's private storage: " + e.getMessage()));
        } finally {
            discard();
        }
        return problems;
    }

    /** Removes the files written to be checked. */
    void discard() {
        if (Files.notExists(staging)) {
            return;
        }
        try (var files = Files.walk(staging)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        } catch (IOException e) {
            LOG.warn("cannot remove {}: {}; removed at the next import", staging, e.getMessage());
        }
    }
}
