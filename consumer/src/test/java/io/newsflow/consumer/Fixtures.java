package io.newsflow.consumer;

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

/** Hand-built records shaped like the sample article's, for formatter and subscriber tests. */
public final class Fixtures {
    public static final String ARTICLE_ID = "39122f9c9171b7456653b2592eb8fde0";

    public static RawArticle rawArticle() {
        return RawArticle.newBuilder()
                .setId(ARTICLE_ID)
                .setUrl("https://www.themoscowtimes.com/2023/12/29/our-men-are-dying-for-nothing-a83605")
                .setTitle("'Our Men Are Dying for Nothing': Russian Soldier's Widow Makes Anti-War Plea")
                .setAuthors(List.of("Leyla Latypova"))
                .setPublishedAt(Instant.parse("2023-12-29T00:00:00Z"))
                .setIngestedAt(Instant.parse("2024-01-02T03:04:05.678Z"))
                .setSource("classpath:samples/d01-put-dumoi-widow.txt")
                .setLanguage(null)
                .setBody("At least 4,787 mobilized men have been killed in Ukraine, according to an independent tally by Mediazona and BBC.")
                .build();
    }

    public static Entity putDumoi() {
        return Entity.newBuilder().setId("nf:put-dumoi").setName("Put' Dumoi").setType(EntityType.ORGANIZATION)
                .setMentions(List.of(new Mention("Put' Dumoi", 10, 20))).setGeo(null).build();
    }

    public static Entity ishkova() {
        return Entity.newBuilder().setId("nf:maria-ishkova").setName("Maria Ishkova").setType(EntityType.PERSON)
                .setMentions(List.of()).setGeo(null).build();
    }

    public static Entity berdiansk() {
        return Entity.newBuilder().setId("geonames:712451").setName("Berdiansk").setType(EntityType.LOCATION)
                .setMentions(List.of(new Mention("Berdiansk", 30, 39)))
                .setGeo(GeoPoint.newBuilder().setLat(46.755).setLon(36.789).setCountry("UA")
                        .setAdmin1("Zaporizhzhia Oblast").setGeonamesId(712451L).build())
                .build();
    }

    public static CasualtyFigure killed() {
        return figure(FigureCategory.KILLED, Qualifier.AT_LEAST, 4787, 4787L, null, "mobilized men", "Mediazona and BBC");
    }

    public static CasualtyFigure figure(FigureCategory category, Qualifier qualifier, long count, Long min, Long max,
                                        String subject, String attribution) {
        return CasualtyFigure.newBuilder().setCategory(category).setQualifier(qualifier).setCount(count)
                .setMin(min).setMax(max).setSubject(subject).setAttribution(attribution)
                .setText("At least 4,787 mobilized men have been killed").setStart(0).setEnd(46).build();
    }

    public static EnrichedArticle enrichedArticle() {
        return EnrichedArticle.newBuilder()
                .setId(ARTICLE_ID)
                .setArticle(rawArticle())
                .setLanguage("en")
                .setEntities(List.of(putDumoi(), ishkova(), berdiansk()))
                .setCasualties(List.of(killed(),
                        figure(FigureCategory.MOBILIZED, Qualifier.APPROXIMATE, 300000, null, null, "reservists", null)))
                .setEnrichedAt(Instant.parse("2024-01-02T03:04:06Z"))
                .setEnricherVersion("test-1")
                .build();
    }

    private Fixtures() {
    }
}
