package org.opensmur.hubsim.oru;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.opensmur.core.hub.client.HubClient;
import org.opensmur.core.hub.validation.ModelLine;
import org.opensmur.core.hub.client.ReceivedStore;
import org.opensmur.core.hub.codec.Decoded;
import org.opensmur.core.hub.codec.HubCodec;
import org.opensmur.core.hub.message.HubMessage;
import org.opensmur.core.hub.transport.HubTransport;
import org.opensmur.core.outgoing.OutgoingMessages;
import org.opensmur.core.reference.ReferenceStep;
import org.opensmur.core.rpis.Rpis;

/**
 * Plays the regional observatory (ORU): receives RS-RPIS, stores each once (SQLite, keyed by
 * distributionID), answers RC-REF RECU then INTEGRE, and exports what it holds as CSV or JSON. A test
 * and demo tool: an ORU's database holds health data and must be protected as such in real life.
 */
public final class OruSimulator implements AutoCloseable {

    /** The columns of the CSV export: where each comes from in the RPIS record. */
    private static final List<String[]> COLUMNS = List.of(
            new String[] {"orgId", "/context/orgId"}, new String[] {"senderCaseId", "/context/senderCaseId"},
            new String[] {"decisionDate", "/context/decisionDate"}, new String[] {"finessGeo", "/context/ressourceFinessGeo"},
            new String[] {"structure", "/context/ressourceStructure"}, new String[] {"whatsHappen", "/regulation/whatsHappen/code"},
            new String[] {"healthMotive", "/regulation/healthMotive/code"}, new String[] {"medicalLevel", "/regulation/medicalLevel"},
            new String[] {"sex", "/patient/sex"}, new String[] {"birthDate", "/patient/birthDate"},
            new String[] {"inseeCode", "/intervention/location/detailedAddress/inseeCode"},
            new String[] {"departSmur", "/intervention/smurStatus/departSmur"}, new String[] {"returnSmur", "/intervention/smurStatus/returnSmur"},
            new String[] {"mainDiagnosis", "/intervention/mainDiagnosis"}, new String[] {"orientation", "/orientation/type"});

    private final Connection database;
    private final HubCodec codec;
    private final HubClient client;

    public OruSimulator(HubTransport transport, String oruId, Path databaseFile, Clock clock) {
        this(transport, oruId, databaseFile, ModelLine.CURRENT, clock);
    }

    /** The ORU on a vhost of model {@code line}. */
    public OruSimulator(HubTransport transport, String oruId, Path databaseFile, ModelLine line, Clock clock) {
        this.codec = HubCodec.of(line);
        try {
            Files.createDirectories(databaseFile.toAbsolutePath().getParent());
            database = DriverManager.getConnection("jdbc:sqlite:" + databaseFile);
            database.createStatement().execute("""
                    CREATE TABLE IF NOT EXISTS rpis (distribution_id TEXT PRIMARY KEY, sender TEXT NOT NULL,
                      received_at TEXT NOT NULL, record TEXT NOT NULL)""");
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("cannot open the ORU database " + databaseFile + ": " + e.getMessage(), e);
        }
        OutgoingMessages outgoing = OutgoingMessages.of(oruId, clock, line);
        var acknowledge = HubClient.direct(transport, codec, outgoing);
        client = new HubClient(transport, codec, this::store, (received, step) -> {
            acknowledge.acknowledge(received, step);
            if (step == ReferenceStep.RECU && line.hasReferenceSteps()) {
                acknowledge.acknowledge(received, ReferenceStep.INTEGRE);
            }
        }, event -> { });
    }

    public void start() {
        client.start();
    }

    private synchronized ReceivedStore.Outcome store(Decoded decoded) {
        HubMessage message = decoded.envelope();
        if (!(message.payload() instanceof Rpis)) {
            return ReceivedStore.Outcome.NEW; // not for the observatory: acknowledged, not kept
        }
        try (PreparedStatement insert = database.prepareStatement(
                "INSERT OR IGNORE INTO rpis (distribution_id, sender, received_at, record) VALUES (?, ?, datetime('now'), ?)");
             PreparedStatement kept = database.prepareStatement("SELECT record FROM rpis WHERE distribution_id = ?")) {
            String record = codec.mapper().writeValueAsString(codec.toTree(message.payload()).get("rpis"));
            insert.setString(1, message.distributionID());
            insert.setString(2, message.senderID());
            insert.setString(3, record);
            if (insert.executeUpdate() == 1) {
                return ReceivedStore.Outcome.NEW;
            }
            kept.setString(1, message.distributionID());
            try (ResultSet r = kept.executeQuery()) {
                return r.next() && record.equals(r.getString(1)) ? ReceivedStore.Outcome.REDELIVERY : ReceivedStore.Outcome.CONFLICT;
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("cannot store an RPIS record", e);
        }
    }

    public synchronized List<JsonNode> records() {
        List<JsonNode> records = new ArrayList<>();
        try (PreparedStatement select = database.prepareStatement("SELECT record FROM rpis ORDER BY received_at, distribution_id");
             ResultSet r = select.executeQuery()) {
            while (r.next()) {
                records.add(codec.mapper().readTree(r.getString(1)));
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("cannot read the RPIS records", e);
        }
        return records;
    }

    /** One line per record, the columns above, RFC 4180 quoting. */
    public void exportCsv(Path file) {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(String.join(",", COLUMNS.stream().map(c -> c[0]).toList()) + "\r\n");
            for (JsonNode record : records()) {
                List<String> cells = new ArrayList<>();
                for (String[] column : COLUMNS) {
                    String value = record.at(column[1]).asText("");
                    cells.add(value.matches(".*[\",\r\n].*") ? "\"" + value.replace("\"", "\"\"") + "\"" : value);
                }
                out.write(String.join(",", cells) + "\r\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every record as received, in one JSON array. */
    public void exportJson(Path file) {
        ArrayNode all = codec.mapper().createArrayNode();
        records().forEach(all::add);
        try {
            codec.mapper().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), all);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        client.close();
        try {
            database.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
