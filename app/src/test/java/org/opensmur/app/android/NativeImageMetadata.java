package org.opensmur.app.android;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;

import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.opensmur.core.hub.message.HubMessage;
import org.opensmur.core.hub.message.MessageType;

/**
 * What a GraalVM native image must be told, since it sees by reflection only what its metadata lists: every
 * class of the model that Jackson binds and the validator reads by reflection (the records reachable from the
 * envelope and each message type's payload, their enums, and the annotations on their components), and
 * every resource the app reads (label bundles, stylesheets, the model's code lists). Computed here from the
 * code itself; {@code NativeImageMetadataTest} fails when the committed files miss one.
 * Regenerate: {@code mvn -pl app exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.opensmur.app.android.NativeImageMetadata}
 */
public final class NativeImageMetadata {

    static final Path FOLDER = Path.of("src/main/resources/META-INF/native-image/org.opensmur/app");
    /** The modules whose resources the app ships, relative to the app module. */
    static final List<Path> RESOURCE_ROOTS = List.of(Path.of("../assets/src/main/resources"),
            Path.of("../shared-core/src/main/resources"), Path.of("../offline-store/src/main/resources"),
            Path.of("src/main/resources"));

    private NativeImageMetadata() {
    }

    /**
     * Every class of ours that Jackson binds or the validator reads by reflection, by binary name, and the
     * providers our {@code META-INF/services} files name (a ServiceLoader builds them by reflection).
     */
    static Set<String> reflected() throws IOException {
        Deque<Type> todo = new ArrayDeque<>();
        todo.add(HubMessage.class);
        for (MessageType type : MessageType.values()) {
            todo.add(type.payloadClass());
        }
        Set<String> names = new TreeSet<>();
        Set<Type> seen = new java.util.HashSet<>();
        while (!todo.isEmpty()) {
            Type t = todo.pop();
            if (!seen.add(t)) {
                continue;
            }
            switch (t) {
                case ParameterizedType p -> {
                    todo.add(p.getRawType());
                    todo.addAll(List.of(p.getActualTypeArguments()));
                }
                case GenericArrayType a -> todo.add(a.getGenericComponentType());
                case WildcardType w -> todo.addAll(List.of(w.getUpperBounds()));
                case Class<?> c when c.isArray() -> todo.add(c.getComponentType());
                case Class<?> c when c.getName().startsWith("org.opensmur.") -> {
                    names.add(c.getName());
                    if (c.isRecord()) {
                        for (RecordComponent component : c.getRecordComponents()) {
                            todo.add(component.getGenericType());
                            for (Annotation a : component.getAnnotations()) {
                                todo.add(a.annotationType());
                            }
                            for (Annotation a : component.getAccessor().getAnnotations()) {
                                todo.add(a.annotationType());
                            }
                        }
                    }
                    if (c.isSealed()) {
                        todo.addAll(List.of(c.getPermittedSubclasses()));
                    }
                }
                default -> { }
            }
        }
        for (Path root : RESOURCE_ROOTS) {
            Path services = root.resolve("META-INF/services");
            if (Files.isDirectory(services)) {
                try (Stream<Path> files = Files.list(services)) {
                    for (Path file : files.toList()) {
                        Files.readAllLines(file).stream().map(String::strip)
                                .filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(names::add);
                    }
                }
            }
        }
        return names;
    }

    /** Every resource file the app may read, as a path inside the jars. */
    static Set<String> resources() throws IOException {
        Set<String> files = new TreeSet<>();
        for (Path root : RESOURCE_ROOTS) {
            if (Files.notExists(root)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
                        .filter(p -> !p.startsWith("META-INF/native-image/"))
                        .forEach(files::add);
            }
        }
        return files;
    }

    public static void main(String[] args) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ArrayNode reflect = json.createArrayNode();
        for (String name : reflected()) {
            ObjectNode entry = reflect.addObject();
            entry.put("name", name);
            entry.put("allDeclaredConstructors", true);
            entry.put("allDeclaredMethods", true);
            entry.put("allDeclaredFields", true);
            entry.put("allPublicMethods", true);
        }
        ObjectNode resources = json.createObjectNode();
        ArrayNode includes = resources.putObject("resources").putArray("includes");
        for (String file : resources()) {
            includes.addObject().put("pattern", "\\Q" + file + "\\E");
        }
        ArrayNode bundles = resources.putArray("bundles");
        ObjectNode labels = bundles.addObject();
        labels.put("name", "org.opensmur.assets.labels.tablet");
        labels.putArray("locales").add("fr").add("en");
        Files.createDirectories(FOLDER);
        json.writerWithDefaultPrettyPrinter().writeValue(FOLDER.resolve("reflect-config.json").toFile(), reflect);
        json.writerWithDefaultPrettyPrinter().writeValue(FOLDER.resolve("resource-config.json").toFile(), resources);
        System.out.println(reflect.size() + " classes, " + includes.size() + " resources written to " + FOLDER);
    }

}
