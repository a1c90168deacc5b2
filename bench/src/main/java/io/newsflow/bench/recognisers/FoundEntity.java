package io.newsflow.bench.recognisers;

import io.newsflow.avro.Entity;
import io.newsflow.avro.GeoPoint;
import io.newsflow.avro.Mention;
import java.util.ArrayList;
import java.util.List;

/**
 * One entity of an article as the offline enrichment contract prints it: id, name, type, its mentions (offsets
 * into the body, each with the type the recogniser gave that mention) and, for the project's places, the point.
 */
public record FoundEntity(String id, String name, String type, List<Span> mentions, GeoPoint geo) {

    public FoundEntity {
        mentions = List.copyOf(mentions);
    }

    /** The project's entity (authors and credits have no mentions; so do they here). */
    public static FoundEntity of(Entity entity) {
        List<Span> spans = new ArrayList<>();
        for (Mention m : entity.getMentions()) {
            if (m.getEnd() > m.getStart()) {
                spans.add(new Span(m.getStart(), m.getEnd(), entity.getType().name()));
            }
        }
        return new FoundEntity(entity.getId(), entity.getName(), entity.getType().name(), spans, entity.getGeo());
    }

    public FoundEntity withType(String newType) {
        return new FoundEntity(id, name, newType, mentions, geo);
    }

    public FoundEntity withMentions(List<Span> newMentions) {
        return new FoundEntity(id, name, type, newMentions, geo);
    }

    public boolean overlaps(Span span) {
        return mentions.stream().anyMatch(span::overlaps);
    }
}
