package io.newsflow.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.avro.CasualtyFigure;
import io.newsflow.avro.EnrichedArticle;
import io.newsflow.avro.Entity;
import io.newsflow.avro.GeoPoint;
import io.newsflow.avro.Mention;

/**
 * Renders an enriched article as the offline enrichment contract of DESIGN.md: one JSON object
 * with source, id, title, language, entities (id, name, type, mentions, geo) and casualties
 * (category, count, min, max, qualifier, subject, attribution, text, start, end).
 */
public final class EnrichmentJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static ObjectNode toJson(String source, EnrichedArticle enriched) {
        ObjectNode out = JSON.createObjectNode();
        out.put("source", source);
        out.put("id", enriched.getId());
        out.put("title", enriched.getArticle().getTitle());
        out.put("language", enriched.getLanguage());
        ArrayNode entities = out.putArray("entities");
        for (Entity e : enriched.getEntities()) {
            ObjectNode n = entities.addObject();
            n.put("id", e.getId());
            n.put("name", e.getName());
            n.put("type", e.getType().name());
            ArrayNode mentions = n.putArray("mentions");
            for (Mention m : e.getMentions()) {
                mentions.addObject().put("text", m.getText()).put("start", m.getStart()).put("end", m.getEnd());
            }
            GeoPoint geo = e.getGeo();
            if (geo != null) {
                ObjectNode g = n.putObject("geo");
                g.put("lat", geo.getLat());
                g.put("lon", geo.getLon());
                g.put("country", geo.getCountry());
                if (geo.getAdmin1() != null) {
                    g.put("admin1", geo.getAdmin1());
                }
                if (geo.getGeonamesId() != null) {
                    g.put("geonamesId", geo.getGeonamesId());
                }
            }
        }
        ArrayNode casualties = out.putArray("casualties");
        for (CasualtyFigure f : enriched.getCasualties()) {
            ObjectNode n = casualties.addObject();
            n.put("category", f.getCategory().name());
            n.put("count", f.getCount());
            n.put("min", f.getMin());
            n.put("max", f.getMax());
            n.put("qualifier", f.getQualifier().name());
            n.put("subject", f.getSubject());
            n.put("attribution", f.getAttribution());
            n.put("text", f.getText());
            n.put("start", f.getStart());
            n.put("end", f.getEnd());
        }
        return out;
    }

    /** The line printed for a file that could not be read: the source and the reason. */
    public static ObjectNode error(String source, String message) {
        ObjectNode out = JSON.createObjectNode();
        out.put("source", source);
        out.put("error", message);
        out.putArray("entities");
        out.putArray("casualties");
        return out;
    }

    private EnrichmentJson() {
    }
}
