package io.newsflow.bench.recognisers;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.avro.CasualtyFigure;
import io.newsflow.avro.GeoPoint;
import java.util.List;

/**
 * One article as DESIGN.md's offline enrichment contract prints it (source, entities with id, name, type,
 * mentions and geo, casualties), so the shared scorer reads the recognisers' output like {@code ./newsflow enrich
 * --json}. Casualty figures are the project's (a stock recogniser finds none).
 */
final class ArticleJson {
    static final ObjectMapper JSON = new ObjectMapper();

    private ArticleJson() {
    }

    static ObjectNode of(String source, String body, List<FoundEntity> entities, List<CasualtyFigure> casualties) {
        ObjectNode out = JSON.createObjectNode();
        out.put("source", source);
        ArrayNode list = out.putArray("entities");
        for (FoundEntity e : entities) {
            ObjectNode n = list.addObject();
            n.put("id", e.id());
            n.put("name", e.name());
            n.put("type", e.type());
            ArrayNode mentions = n.putArray("mentions");
            for (Span m : e.mentions()) {
                mentions.addObject().put("text", m.text(body)).put("start", m.start()).put("end", m.end());
            }
            GeoPoint geo = e.geo();
            if (geo != null) {
                n.putObject("geo").put("lat", geo.getLat()).put("lon", geo.getLon()).put("country", geo.getCountry());
            }
        }
        ArrayNode figures = out.putArray("casualties");
        for (CasualtyFigure f : casualties) {
            figures.addObject().put("category", f.getCategory().name()).put("count", f.getCount())
                    .put("min", f.getMin()).put("max", f.getMax()).put("qualifier", f.getQualifier().name())
                    .put("text", f.getText());
        }
        return out;
    }

    /** The line for a file that could not be read or analysed: the source and the reason. */
    static ObjectNode error(String source, String message) {
        ObjectNode out = JSON.createObjectNode();
        out.put("source", source);
        out.put("error", message);
        out.putArray("entities");
        out.putArray("casualties");
        return out;
    }
}
