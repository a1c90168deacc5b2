package io.newsflow.schemas.evolution;

import java.nio.file.Path;
import java.util.Map;
import org.apache.avro.Schema;

/** The named types of one released schema version directory, for tests outside this package. */
public final class ReleasedSchemas {
    public static Map<String, Schema> parse(Path versionDir) {
        return SchemaEvolution.parseDirectory(versionDir);
    }

    private ReleasedSchemas() {
    }
}
