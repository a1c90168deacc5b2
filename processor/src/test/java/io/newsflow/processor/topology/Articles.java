package io.newsflow.processor.topology;

import io.newsflow.avro.CasualtyFigure;
import io.newsflow.avro.EnrichedArticle;
import io.newsflow.avro.Entity;
import io.newsflow.avro.EntityType;
import io.newsflow.avro.FigureCategory;
import io.newsflow.avro.GeoPoint;
import io.newsflow.avro.Mention;
import io.newsflow.avro.Qualifier;
import io.newsflow.avro.RawArticle;
import java.time.Instant;
import java.util.List;

/** Test records and a fake enricher, so topology tests do not depend on the real enrichment. */
final class Articles {
    static final Instant PUBLISHED = Instant.parse("2024-03-01T10:15:30Z");
    static final Instant ENRICHED_AT = Instant.parse("2024-03-01T10:16:00Z");

    static final Entity BERDIANSK = Entity.newBuilder()
            .setId("Q180011").setName("Berdiansk").setType(EntityType.LOCATION)
            .setMentions(List.of(new Mention("Berdyansk", 0, 9)))
            .setGeo(GeoPoint.newBuilder().setLat(46.75).setLon(36.79).setCountry("UA").build())
            .build();
    static final Entity PUT_DUMOI = Entity.newBuilder()
            .setId("nf:put-dumoi").setName("Put' Dumoi").setType(EntityType.ORGANIZATION)
            .setMentions(List.of(new Mention("Put Domoy", 20, 29)))
            .build();
    static final CasualtyFigure KILLED = CasualtyFigure.newBuilder()
            .setCategory(FigureCategory.KILLED).setCount(4787).setMin(4787L).setMax(null)
            .setQualifier(Qualifier.AT_LEAST).setSubject("mobilized men").setAttribution("Mediazona and BBC")
            .setText("At least 4,787 mobilized men have been killed").setStart(40).setEnd(86)
            .build();

    private Articles() {
    }

    static RawArticle raw(String id, String title) {
        return RawArticle.newBuilder()
                .setId(id)
                .setUrl("https://example.org/" + id)
                .setTitle(title)
                .setAuthors(List.of("A. Reporter"))
                .setPublishedAt(PUBLISHED)
                .setIngestedAt(PUBLISHED.plusSeconds(5))
                .setSource("test")
                .setLanguage("en")
                .setBody("Berdyansk ... Put Domoy ... At least 4,787 mobilized men have been killed")
                .build();
    }

    /** Finds Berdiansk and Put' Dumoi and one KILLED figure in every article. */
    static EnrichedArticle fakeEnrich(RawArticle raw) {
        return EnrichedArticle.newBuilder()
                .setId(raw.getId())
                .setArticle(raw)
                .setLanguage("en")
                .setEntities(List.of(BERDIANSK, PUT_DUMOI))
                .setCasualties(List.of(KILLED))
                .setEnrichedAt(ENRICHED_AT)
                .setEnricherVersion("fake-1")
                .build();
    }
}
